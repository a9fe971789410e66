package io.switchboard.emulator.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Decides, per request, whether an injected fault fires; random draws use a fixed seed so runs repeat. */
public final class FaultInjector {
    private static final long SEED = 20261120L;

    private final List<ArmedRule> rules = new ArrayList<>();
    private Random random = new Random(SEED);

    /** A rule with its remaining count and the matching requests it still lets through. */
    private static final class ArmedRule {
        private final FaultRule rule;
        private int remaining;
        private int toSkip;

        private ArmedRule(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.count();
            this.toSkip = rule.skip();
        }
    }

    public synchronized void add(FaultRule rule) {
        rules.add(new ArmedRule(rule));
    }

    public synchronized void clear() {
        rules.clear();
        random = new Random(SEED);
    }

    public synchronized List<FaultRule> rules() {
        return rules.stream().map(armed -> armed.rule).toList();
    }

    /** The first rule that fires for this request; a counted rule is used up as it fires. */
    public synchronized Optional<FaultRule> draw(String method, String path) {
        for (ArmedRule armed : rules) {
            if (!armed.rule.matches(method, path)) {
                continue;
            }
            if (armed.toSkip > 0) {
                armed.toSkip--;
                continue;
            }
            if (armed.rule.count() > 0 && armed.remaining > 0) {
                armed.remaining--;
                return Optional.of(armed.rule);
            }
            if (armed.rule.count() == 0 && random.nextDouble() < armed.rule.rate()) {
                return Optional.of(armed.rule);
            }
        }
        return Optional.empty();
    }
}
