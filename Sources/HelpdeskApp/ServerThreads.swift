import Foundation
import NIOCore
import NIOPosix

/// How the server uses threads: one NIO event loop per CPU the process may run on, and Swift
/// concurrency's tasks run on those loops rather than on a pool of their own, so a socket event,
/// its handler and its reply stay on one thread (measured in docs/benchmarks.md).
public enum ServerThreads {
    /// Call once from the main thread before serving. `NIO_SINGLETON_GROUP_LOOP_COUNT` still overrides the loop count.
    public static func configure(environment: [String: String]) {
        if environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil, let cpus = allowedCPUCount() {
            NIOSingletons.groupLoopCountSuggestion = cpus
        }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// The CPUs in this process's affinity mask (as `taskset` or a container's cpuset sets it), from
    /// the `Cpus_allowed_list` line of `/proc/self/status`, such as `0-3,6`.
    static func allowedCPUCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        return cpuCount(list: line.dropFirst("Cpus_allowed_list:".count))
    }

    /// The number of CPUs in a Linux CPU list (`0-3,6` is 5), or nil if it is not one.
    static func cpuCount(list: Substring) -> Int? {
        var count = 0
        for range in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = range.split(separator: "-").map { Int($0) }
            switch bounds.count {
            case 1: guard bounds[0] != nil else { return nil }; count += 1
            case 2:
                guard let low = bounds[0], let high = bounds[1], low <= high else { return nil }
                count += high - low + 1
            default: return nil
            }
        }
        return count > 0 ? count : nil
    }
}
