package dev.bosun.lab.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One ansible-playbook run as ansible.posix's json callback reports it: the recap per host ({@code stats}) and
 * every task's result per host ({@code plays[].tasks[].hosts}). Read from that one document, never from the
 * text Ansible prints for people.
 */
record PlaybookRun(Ansible.Result process, JsonNode document) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static PlaybookRun parse(Ansible.Result process) {
        try {
            return new PlaybookRun(process, JSON.readTree(process.out()));
        } catch (java.io.IOException e) {
            throw new AssertionError("ansible-playbook printed no JSON document: " + process, e);
        }
    }

    int status() {
        return process.status();
    }

    /** The recap's count of {@code what} (ok, changed, failures, unreachable, skipped) for a host. */
    int count(String host, String what) {
        JsonNode h = document.path("stats").path(host);
        if (h.isMissingNode()) {
            throw new AssertionError("no host " + host + " in the recap: " + document.path("stats"));
        }
        return h.path(what).asInt();
    }

    int changed(String host) {
        return count(host, "changed");
    }

    int failures(String host) {
        return count(host, "failures") + count(host, "unreachable");
    }

    /** The result of the task named {@code task} on {@code host} (the first such task of the run). */
    JsonNode result(String task, String host) {
        for (JsonNode play : document.path("plays")) {
            for (JsonNode t : play.path("tasks")) {
                if (task.equals(t.path("task").path("name").asText()) && t.path("hosts").has(host)) {
                    return t.path("hosts").path(host);
                }
            }
        }
        throw new AssertionError("no result of task '" + task + "' on " + host + "\n" + this);
    }

    /** Every task result of {@code host} that failed. */
    List<JsonNode> failed(String host) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode play : document.path("plays")) {
            for (JsonNode t : play.path("tasks")) {
                JsonNode r = t.path("hosts").path(host);
                if (r.path("failed").asBoolean(false) || r.path("unreachable").asBoolean(false)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "recap " + document.path("stats") + "\n" + process;
    }
}
