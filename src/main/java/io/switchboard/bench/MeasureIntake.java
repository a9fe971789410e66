package io.switchboard.bench;

import java.util.Optional;

/**
 * The intake scenario: an engine with its worker off takes the scenario's mix over HTTP; each 202 follows the
 * event's committed insert, so accepted per second is what the intake durably stores.
 */
final class MeasureIntake {
    private static final int WARM_UP_EVENTS = 500;
    private static final long WARM_UP_OFFSET = 30_000_000L;

    private MeasureIntake() {
    }

    static IntakeFigures measure(BenchRig rig, BenchOptions options, BenchEvents events) throws InterruptedException {
        int rate = options.rateOf(Scenario.INTAKE);
        EventMix mix = options.mixOf(Scenario.INTAKE);
        rig.load().drive("/events/", rate, WARM_UP_EVENTS, n -> events.next(mix.typeOf(n), WARM_UP_OFFSET + n));
        long before = rig.engine().store().count();
        try (MemorySampler memory = MemorySampler.start()) {
            OpenLoopLoad.LoadResult sent = rig.load().drive("/events/", rate, (long) rate * options.duration().toSeconds(),
                    n -> events.next(mix.typeOf(n), n));
            long stored = rig.engine().store().count() - before;
            Optional<String> problem = sent.firstRefusal().or(() -> stored == sent.accepted() ? Optional.empty()
                    : Optional.of("accepted " + sent.accepted() + " but the store holds " + stored));
            return new IntakeFigures(sent.accepted(), sent.acceptedPerSecond(), sent.answerTimes(), stored,
                    memory.peakHeapMb(), problem);
        }
    }
}
