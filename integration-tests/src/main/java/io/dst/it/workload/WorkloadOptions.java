package io.dst.it.workload;

/**
 * The shape of a {@link Workload}: how many concurrent clients, over how many register keys
 * ({@code k0..}) and tables ({@code t0..}), the operation mix in percent, a cap on operations per
 * client, and the seed that makes each client's choices reproducible.
 */
public record WorkloadOptions(
        int clients,
        int keys,
        int tables,
        int readPercent,
        int writePercent,
        int casPercent,
        int insertPercent,
        int maxOpsPerClient,
        long seed) {

    public WorkloadOptions {
        if (readPercent + writePercent + casPercent + insertPercent != 100) {
            throw new IllegalArgumentException("operation mix must add up to 100");
        }
        if (clients <= 0 || keys <= 0 || (insertPercent > 0 && tables <= 0) || maxOpsPerClient <= 0) {
            throw new IllegalArgumentException("clients, keys, tables (when inserting) and ops must be positive");
        }
    }

    /** A mixed workload: 40% reads, 30% writes, 15% CAS, 15% inserts. */
    public static WorkloadOptions mixed(int clients, int keys, int tables, int maxOpsPerClient, long seed) {
        return new WorkloadOptions(clients, keys, tables, 40, 30, 15, 15, maxOpsPerClient, seed);
    }
}
