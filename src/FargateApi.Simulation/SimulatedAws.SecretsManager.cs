namespace FargateApi.Simulation;

/// <summary>Secrets a test puts in the account, for GetSecretValue to answer from.</summary>
public sealed partial class SimulatedAws
{
    /// <summary>Stores a new string version of the secret (creating the secret the first time) as AWSCURRENT; returns the secret's ARN.</summary>
    public string PutSecret(string name, string secretString)
    {
        ArgumentNullException.ThrowIfNull(secretString);
        lock (_sync)
        {
            return Stores.SecretsManager.Put(name, secretString, null).Arn;
        }
    }

    /// <summary>Stores a new binary version of the secret (creating the secret the first time) as AWSCURRENT; returns the secret's ARN.</summary>
    public string PutSecret(string name, byte[] secretBinary)
    {
        ArgumentNullException.ThrowIfNull(secretBinary);
        lock (_sync)
        {
            return Stores.SecretsManager.Put(name, null, secretBinary).Arn;
        }
    }
}
