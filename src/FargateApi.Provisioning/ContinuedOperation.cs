namespace FargateApi.Provisioning;

/// <summary>Which operation a continuation resumes.</summary>
public enum ContinuedOperation
{
    Create,
    Update,
    Delete,
}
