import NIOPosix
import SocketIOHummingbird
import Testing

@Suite struct EventLoopTaskExecutorTests {
    /// A task that prefers the executor runs on its loop, before and after it suspends.
    @Test func aPreferringTaskRunsOnTheLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let onLoop = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            let before = loop.inEventLoop
            await Task.yield()
            return [before, loop.inEventLoop]
        }
        #expect(onLoop == [true, true])
        try await group.shutdownGracefully()
    }
}
