using FargateApi.Simulation.Adapters;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// Enforces <see cref="SimulationOptions.Permissions"/> on every simulated call: the call's own action first, then (for
/// Application Auto Scaling) the validation of the target service's and CloudWatch's actions, then the implied actions;
/// the first denial fails the call as the service would, before it changes anything. Without a policy nothing is checked.
/// Runs under the simulation's state lock (<see cref="Calls.CallGate"/>).
/// </summary>
internal sealed class Authorizer(SimulationOptions options)
{
    /// <summary>The policy in force; starts as the options', replaced under the state lock (<see cref="SimulatedAws.Permissions"/>).</summary>
    public IamPolicy? Policy { get; set; } = options.Permissions;

    private readonly Lock _sync = new();
    private readonly List<AccessCheckRecord> _records = [];
    private readonly HashSet<string> _serviceLinkedRoles = new(StringComparer.Ordinal);

    public bool IsEnforcing => Policy is not null;

    /// <summary>The caller: the provider's role session, as <see cref="SimulatedStsClient"/> reports it.</summary>
    public string Principal => $"arn:aws:sts::{options.AccountId}:assumed-role/{SimulatedStsClient.RoleName}/{SimulatedStsClient.SessionName}";

    public IReadOnlyList<AccessCheckRecord> Records
    {
        get
        {
            lock (_sync)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Whether a service-linked role exists in the account (made by an authorized call that needed it).</summary>
    public bool HasServiceLinkedRole(string roleName) => _serviceLinkedRoles.Contains(roleName);

    /// <exception cref="InvalidOperationException">Enforcing, and the call declared no access (a simulation bug to fix where the call is adapted).</exception>
    public void Authorize(string service, string operation, Func<IEnumerable<AccessCheck>>? access)
    {
        if (Policy is not { } policy)
        {
            return;
        }

        if (access is null)
        {
            throw new InvalidOperationException(
                $"The simulated {service} {operation} declares no IAM access: add its checks in src/FargateApi.Simulation/Authorization/Access and pass them to CallGate.RunAsync.");
        }

        var checks = access().ToList();
        foreach (var check in checks.Where(check => check.Kind == AccessCheckKind.Action))
        {
            var decision = Evaluate(policy, service, operation, check);
            if (!decision.IsAllowed)
            {
                throw AccessDeniedErrors.Denied(service, operation, Principal, check.Request, decision);
            }
        }

        var missing = checks
            .Where(check => check.Kind == AccessCheckKind.TargetValidation)
            .Where(check => !Evaluate(policy, service, operation, check).IsAllowed)
            .Select(check => check.Request.Action)
            .ToList();
        if (missing.Count > 0)
        {
            throw AccessDeniedErrors.TargetValidation(operation, missing);
        }

        foreach (var check in checks.Where(check => check.Kind == AccessCheckKind.Implied))
        {
            var decision = Evaluate(policy, service, operation, check);
            if (!decision.IsAllowed)
            {
                throw AccessDeniedErrors.Denied(service, operation, Principal, check.Request, decision);
            }
        }

        foreach (var role in checks.Select(check => check.CreatesServiceLinkedRole).OfType<string>())
        {
            _serviceLinkedRoles.Add(role);
        }
    }

    /// <summary>The check's action, or failing that the first of its alternatives IAM allows.</summary>
    private AccessDecision Evaluate(IamPolicy policy, string service, string operation, AccessCheck check)
    {
        var decision = Record(policy, service, operation, check.Request);
        foreach (var alternative in check.Alternatives ?? [])
        {
            if (decision.IsAllowed)
            {
                break;
            }

            var allowed = Record(policy, service, operation, check.Request with { Action = alternative });
            decision = allowed.IsAllowed ? allowed : decision;
        }

        return decision;
    }

    private AccessDecision Record(IamPolicy policy, string service, string operation, AccessRequest request)
    {
        var decision = policy.Evaluate(request);
        lock (_sync)
        {
            _records.Add(new AccessCheckRecord(service, operation, request.Action, request.Resource, request.Context, decision.Effect));
        }

        return decision;
    }
}
