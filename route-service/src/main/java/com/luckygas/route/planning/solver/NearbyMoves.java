package com.luckygas.route.planning.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.domain.variable.ListVariableStateSupply;
import ai.timefold.solver.core.impl.domain.variable.descriptor.ListVariableDescriptor;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListAssignMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.kopt.TwoOptListMove;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import com.luckygas.route.planning.domain.RoutePlanSolution;
import com.luckygas.route.planning.domain.RouteVehicle;
import com.luckygas.route.planning.domain.Stop;
import com.luckygas.route.planning.domain.TravelMatrix;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;

/**
 * Local-search moves that put a stop next to one of its nearest stops: relocate it before or
 * after the neighbour, swap it with the neighbour's predecessor or successor, or a 2-opt that
 * makes the two adjacent (a tail exchange between two routes, a reversal within one route).
 * <p>
 * Timefold's own list moves pick both ends at random, so on a plan of a hundred stops nearly
 * every move joins places far apart and is rejected; its "nearby selection", which restricts
 * them to near places, is a feature of the Enterprise edition only (checked in 1.32.0). This is
 * the same idea for our one list variable, built from Timefold's own move classes (which undo,
 * rebase and notify the score director as its selectors' moves do). Used in solverConfig.xml
 * beside Timefold's list moves. Random selection only.
 * <p>
 * Custom property {@code neighbours}: how many nearest stops each stop considers (default 20);
 * a neighbour of rank r is drawn with probability falling linearly with r.
 */
@RegisterForReflection // Timefold creates it by name from solverConfig.xml
public class NearbyMoves implements MoveIteratorFactory<RoutePlanSolution, Move<RoutePlanSolution>> {

    private int neighbours = 20;

    /** The phase's working solution: its vehicles, stops, and each stop's nearest stops (by distance). */
    private RouteVehicle[] vehicles;
    private Stop[] stops;
    private int[][] nearest;

    public void setNeighbours(String neighbours) {
        this.neighbours = Integer.parseInt(neighbours);
    }

    @Override
    public void phaseStarted(ScoreDirector<RoutePlanSolution> scoreDirector) {
        RoutePlanSolution solution = scoreDirector.getWorkingSolution();
        vehicles = solution.getVehicles().toArray(new RouteVehicle[0]);
        stops = solution.getStops().toArray(new Stop[0]);
        nearest = solution.getVehicles().isEmpty() ? new int[stops.length][0]
                : nearest(stops, solution.getVehicles().get(0).getMatrix(), neighbours);
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlanSolution> scoreDirector) {
        vehicles = null;
        stops = null;
        nearest = null;
    }

    /** For each stop, the indexes of its {@code k} nearest other stops, nearest first. */
    static int[][] nearest(Stop[] stops, TravelMatrix matrix, int k) {
        int n = stops.length;
        int keep = Math.min(k, n - 1);
        int[][] result = new int[n][];
        long[] keys = new long[Math.max(0, n - 1)];
        for (int i = 0; i < n; i++) {
            int a = stops[i].getLocation();
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    int b = stops[j].getLocation();
                    long d = Math.min(matrix.distance(a, b), matrix.distance(b, a));
                    // distance in the high bits, the stop's index in the low 20: one sort
                    keys[m++] = (d << 20) | j;
                }
            }
            Arrays.sort(keys, 0, m);
            int[] own = new int[keep];
            for (int r = 0; r < keep; r++) {
                own[r] = (int) (keys[r] & 0xFFFFF);
            }
            result[i] = own;
        }
        return result;
    }

    @Override
    public long getSize(ScoreDirector<RoutePlanSolution> scoreDirector) {
        return stops == null ? 0 : (long) stops.length * Math.max(1, Math.min(neighbours, stops.length - 1)) * 4;
    }

    @Override
    public Iterator<Move<RoutePlanSolution>> createOriginalMoveIterator(ScoreDirector<RoutePlanSolution> scoreDirector) {
        throw new UnsupportedOperationException("NearbyMoves supports random selection only");
    }

    @Override
    public Iterator<Move<RoutePlanSolution>> createRandomMoveIterator(ScoreDirector<RoutePlanSolution> scoreDirector,
                                                                       Random random) {
        @SuppressWarnings("unchecked")
        InnerScoreDirector<RoutePlanSolution, ?> inner = (InnerScoreDirector<RoutePlanSolution, ?>) scoreDirector;
        ListVariableDescriptor<RoutePlanSolution> variable = inner.getSolutionDescriptor().getListVariableDescriptor();
        ListVariableStateSupply<RoutePlanSolution, Object, Object> state = inner.getListVariableStateSupply(variable);
        return new Moves(variable, state, vehicles, stops, nearest, random);
    }

    private static final class Moves implements Iterator<Move<RoutePlanSolution>> {

        private final ListVariableDescriptor<RoutePlanSolution> variable;
        private final ListVariableStateSupply<RoutePlanSolution, Object, Object> state;
        private final RouteVehicle[] vehicles;
        private final Stop[] stops;
        private final int[][] nearest;
        private final Random random;

        Moves(ListVariableDescriptor<RoutePlanSolution> variable, ListVariableStateSupply<RoutePlanSolution, Object, Object> state,
              RouteVehicle[] vehicles, Stop[] stops, int[][] nearest, Random random) {
            this.variable = variable;
            this.state = state;
            this.vehicles = vehicles;
            this.stops = stops;
            this.nearest = nearest;
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            return stops.length > 1 && vehicles.length > 0;
        }

        @Override
        public Move<RoutePlanSolution> next() {
            for (int tries = 0; tries < 100; tries++) {
                Move<RoutePlanSolution> move = attempt();
                if (move != null) {
                    return move;
                }
            }
            return anywhere();
        }

        /**
         * A random stop to a random place: only when a hundred draws found no near stop to go
         * to (say, every neighbour still unplanned), so that the iterator always has a next move.
         */
        private Move<RoutePlanSolution> anywhere() {
            Stop s = stops[random.nextInt(stops.length)];
            RouteVehicle v = vehicles[random.nextInt(vehicles.length)];
            RouteVehicle vs = s.getVehicle();
            if (vs == null) {
                return new ListAssignMove<>(variable, s, v, random.nextInt(v.getStops().size() + 1));
            }
            int places = v.getStops().size() + (v == vs ? 0 : 1);
            return new ListChangeMove<>(variable, vs, state.getIndex(s), v, random.nextInt(places));
        }

        private Move<RoutePlanSolution> attempt() {
            int i = random.nextInt(stops.length);
            int[] near = nearest[i];
            if (near.length == 0) {
                return null;
            }
            // rank r with probability falling linearly from the nearest to the k-th
            double u = random.nextDouble();
            int r = (int) (near.length * (1 - Math.sqrt(1 - u)));
            Stop s = stops[i];
            Stop t = stops[near[Math.min(r, near.length - 1)]];
            RouteVehicle vt = t.getVehicle();
            if (vt == null) {
                return null;
            }
            int it = state.getIndex(t);
            RouteVehicle vs = s.getVehicle();
            boolean after = random.nextBoolean();
            if (vs == null) {
                return new ListAssignMove<>(variable, s, vt, after ? it + 1 : it);
            }
            int is = state.getIndex(s);
            int kind = random.nextInt(3);
            if (kind == 0) {
                // relocate s just after or before t
                int tAfterRemoval = vs == vt && is < it ? it - 1 : it;
                int destination = after ? tAfterRemoval + 1 : tAfterRemoval;
                if (vs == vt && destination == is) {
                    return null;
                }
                return new ListChangeMove<>(variable, vs, is, vt, destination);
            }
            if (kind == 1) {
                // swap s with t's successor or predecessor, so that s comes next to t
                int other = after ? it + 1 : it - 1;
                if (other < 0 || other >= vt.getStops().size() || (vs == vt && other == is)) {
                    return null;
                }
                return new ListSwapMove<>(variable, vs, is, vt, other);
            }
            // 2-opt
            if (vs != vt) {
                // tail exchange: s followed by t (s's route keeps its head to s, then t's tail from t),
                // or t followed by s
                return after ? new TwoOptListMove<>(variable, vs, vt, is + 1, it)
                        : new TwoOptListMove<>(variable, vt, vs, it + 1, is);
            }
            // one route: reverse the stretch between them so that they become adjacent
            int from = Math.min(is, it) + 1;
            int to = Math.max(is, it) + 1;
            if (to - from < 2) {
                return null;
            }
            return new TwoOptListMove<>(variable, vs, vs, from, to);
        }
    }
}
