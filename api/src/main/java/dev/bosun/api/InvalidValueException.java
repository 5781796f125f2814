package dev.bosun.api;

/**
 * A value broke a rule of the type that holds it. Thrown by record constructors and operation
 * argument checks before anything on the host is touched; in JS it becomes a {@code TypeError}
 * reading {@code module.op: <parameter> <rule>}.
 */
public final class InvalidValueException extends BosunException {
    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String rule;

    /**
     * @param parameter the parameter or field name as the caller wrote it
     * @param rule      what is wrong, quoting the value, e.g. {@code "Web/1" must match [a-z_][a-z0-9_-]*}
     */
    public InvalidValueException(String parameter, String rule) {
        super(parameter + " " + rule);
        this.parameter = parameter;
        this.rule = oneLine(rule);
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }
}
