namespace FargateApi.Aws.Http;

/// <summary>The local AWS configuration (credentials, region, endpoint overrides) is missing or unusable; nothing was sent.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException()
    {
    }

    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
