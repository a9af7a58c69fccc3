using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OrgFunctions.LocalHost.Durable;

/// <summary>
/// Makes the <c>DurableTaskClient</c>'s calls wait for the sidecar instead of failing with Unavailable. The sidecar
/// listens once the task hub's storage exists: a moment after the host starts, longer while Azurite is down. The
/// Functions host is likewise ready before it runs a function that starts an orchestration.
/// </summary>
internal sealed class WaitForSidecarInterceptor : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WaitForReady(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WaitForReady(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WaitForReady(context));

    private static ClientInterceptorContext<TRequest, TResponse> WaitForReady<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        new(context.Method, context.Host, context.Options.WithWaitForReady());
}
