using System.Reflection;
using System.Runtime.ExceptionServices;
using FargateApi.Aws.Services;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>What runs around every call a provisioner makes to one of its service clients.</summary>
internal interface ICallInterceptor
{
    /// <param name="operation">The client method, e.g. CreateServiceAsync.</param>
    /// <param name="arguments">Its arguments, for interceptors that pick calls by what they are about.</param>
    Task<TResult> InvokeAsync<TResult>(string operation, IReadOnlyList<object?> arguments, Func<Task<TResult>> call);
}

/// <summary>
/// Wraps each of the client interfaces in one interceptor, without a hand-written decorator per method, so a test
/// can act between two calls (a process that dies, a sibling that races). DispatchProxy uses reflection: fine in a test,
/// never in the AOT bootstrap.
/// </summary>
internal static class CallInterception
{
    public static AwsApis Wrap(AwsApis apis, ICallInterceptor interceptor) => new(
        Intercepted<Aws.Services.Ecs.IEcsClient>.Wrap(apis.Ecs, interceptor),
        Intercepted<Aws.Services.ElasticLoadBalancing.IElasticLoadBalancingClient>.Wrap(apis.Elb, interceptor),
        Intercepted<Aws.Services.Ec2.IEc2Client>.Wrap(apis.Ec2, interceptor),
        Intercepted<Aws.Services.Iam.IIamClient>.Wrap(apis.Iam, interceptor),
        Intercepted<Aws.Services.CloudWatchLogs.ICloudWatchLogsClient>.Wrap(apis.Logs, interceptor),
        Intercepted<Aws.Services.Ssm.ISsmClient>.Wrap(apis.Ssm, interceptor),
        Intercepted<Aws.Services.ApplicationAutoScaling.IApplicationAutoScalingClient>.Wrap(apis.AutoScaling, interceptor),
        Intercepted<Aws.Services.Sts.IStsClient>.Wrap(apis.Sts, interceptor),
        Intercepted<Aws.Services.Lambda.ILambdaClient>.Wrap(apis.Lambda, interceptor),
        Intercepted<Aws.Services.CloudFormation.ICloudFormationClient>.Wrap(apis.CloudFormation, interceptor),
        Intercepted<Aws.Services.SecretsManager.ISecretsManagerClient>.Wrap(apis.SecretsManager, interceptor));
}

/// <summary>The proxy behind <see cref="CallInterception"/>; public members only because DispatchProxy needs them.</summary>
#pragma warning disable CA1852 // DispatchProxy derives from the proxy type: it must not be sealed.
internal class Intercepted<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private static readonly MethodInfo TypedInvoke = typeof(Intercepted<T>).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private T _target = null!;
    private ICallInterceptor _interceptor = null!;

    public static T Wrap(T target, ICallInterceptor interceptor)
    {
        var proxy = Create<T, Intercepted<T>>();
        var self = (Intercepted<T>)(object)proxy;
        self._target = target;
        self._interceptor = interceptor;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var returns = targetMethod.ReturnType;
        if (returns == typeof(Task))
        {
            return _interceptor.InvokeAsync(targetMethod.Name, args ?? [], async () =>
            {
                await ((Task)Call(targetMethod, args)!).ConfigureAwait(false);
                return true;
            });
        }

        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return TypedInvoke.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(this, [targetMethod, args]);
        }

        return Call(targetMethod, args);
    }

    private Task<TResult> InvokeTyped<TResult>(MethodInfo method, object?[]? args) =>
        _interceptor.InvokeAsync(method.Name, args ?? [], () => (Task<TResult>)Call(method, args)!);

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_target, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
