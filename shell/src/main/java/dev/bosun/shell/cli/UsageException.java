package dev.bosun.shell.cli;

/** A command line that cannot work as given: one line for the user, exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
