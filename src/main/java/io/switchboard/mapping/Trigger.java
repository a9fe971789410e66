package io.switchboard.mapping;

import java.util.List;

/** A call trigger: when its conditions all hold, the call goes to {@code connection} mapped by {@code configuration}. */
public record Trigger(String name, int line, boolean active, List<Condition> conditions, String connection,
                      String configuration) {
    public Trigger {
        conditions = List.copyOf(conditions);
    }

    public boolean matches(EventVariables variables) {
        return active && conditions.stream().allMatch(condition -> condition.matches(variables));
    }
}
