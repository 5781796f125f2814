package dev.bosun.stdlib.quadlet.generate;

/** The generator gives up on a unit; the message is Podman's, without the {@code converting "x": } prefix. */
final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ConversionException(Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
