using FargateApi.Lambda.Logging;
using FargateApi.Provisioning;

namespace FargateApi.Lambda;

/// <summary>The one place the bootstrap chooses its provisioner. Runs once per Lambda environment, at start-up:
/// anything thrown here is reported to <c>/runtime/init/error</c>.</summary>
internal static class LifecycleFactory
{
    public static IResourceLifecycle Create(JsonLog log)
    {
        // TODO(provisioning): return the real provisioner (AWS clients from the environment's credentials and region).
        log.Warn("init.lifecycle", ("lifecycle", nameof(UnavailableLifecycle)), ("note", UnavailableLifecycle.Message));
        return new UnavailableLifecycle();
    }
}
