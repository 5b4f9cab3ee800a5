using FargateApi.Aws.Http;

namespace FargateApi.Aws.Credentials;

/// <summary>
/// Finds credentials and region the way the AWS SDKs' default chains do for the sources we support:
/// credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (how Lambda hands the execution
/// role to a provided.al2023 runtime), else the profile (AWS_PROFILE, default "default") in the shared credentials
/// file, else in the config file; region from AWS_REGION (set by Lambda), AWS_DEFAULT_REGION, then the profile's
/// <c>region</c> in the config file. Sources: https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html,
/// https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime.
/// We do not use AWSSDK.Core for this: it would add megabytes to the Native AOT binary and reflection-heavy
/// startup to every cold start, for the few environment variables and two small files read here.
/// Not supported: SSO, assume-role profiles, credential_process, container/IMDS endpoints.
/// </summary>
internal static class AwsSettingsResolver
{
    public const string DefaultProfile = "default";

    /// <param name="environment">Reads one environment variable (tests pass a dictionary; production <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="AwsConfigurationException">No credentials or no region; the message lists every place looked at.</exception>
    public static AwsSettings Resolve(Func<string, string?> environment)
    {
        var lookedAt = new List<string>();
        string profile = Value(environment("AWS_PROFILE")) ?? DefaultProfile;
        string? home = Value(environment("HOME")) ?? Value(environment("USERPROFILE"));
        string? credentialsPath = Value(environment("AWS_SHARED_CREDENTIALS_FILE")) ?? (home is null ? null : Path.Combine(home, ".aws", "credentials"));
        string? configPath = Value(environment("AWS_CONFIG_FILE")) ?? (home is null ? null : Path.Combine(home, ".aws", "config"));

        // In the credentials file the section is the profile name; in the config file it is "profile <name>" (or "default").
        IReadOnlyDictionary<string, string>? credentialsSection = ReadSection(credentialsPath, profile);
        IReadOnlyDictionary<string, string>? configSection =
            ReadSection(configPath, profile == DefaultProfile ? DefaultProfile : "profile " + profile)
            ?? (profile == DefaultProfile ? null : ReadSection(configPath, profile));

        AwsCredentials? credentials = FromEnvironment(environment, lookedAt, out string credentialsSource)
            ?? FromProfile(credentialsSection, $"profile [{profile}] in credentials file {credentialsPath ?? "(no HOME)"}", lookedAt, ref credentialsSource)
            ?? FromProfile(configSection, $"profile [{profile}] in config file {configPath ?? "(no HOME)"}", lookedAt, ref credentialsSource);

        string? region = Value(environment("AWS_REGION"));
        string regionSource = "AWS_REGION";
        if (region is null)
        {
            region = Value(environment("AWS_DEFAULT_REGION"));
            regionSource = "AWS_DEFAULT_REGION";
        }

        if (region is null && configSection is not null && configSection.TryGetValue("region", out string? fromConfig) && Value(fromConfig) is { } configured)
        {
            region = configured;
            regionSource = $"region of profile [{profile}] in {configPath}";
        }

        var problems = new List<string>();
        if (credentials is null)
        {
            problems.Add("No AWS credentials found. Looked at: " + string.Join("; ", lookedAt) + ".");
        }

        if (region is null)
        {
            problems.Add($"No AWS region found. Looked at: AWS_REGION, AWS_DEFAULT_REGION, region of profile [{profile}] in config file {configPath ?? "(no HOME)"}.");
        }

        if (problems.Count > 0)
        {
            throw new AwsConfigurationException(string.Join(" ", problems));
        }

        return new AwsSettings(credentials!, region!, credentialsSource, regionSource);
    }

    private static AwsCredentials? FromEnvironment(Func<string, string?> environment, List<string> lookedAt, out string source)
    {
        source = "environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)";
        string? keyId = Value(environment("AWS_ACCESS_KEY_ID"));
        string? secret = Value(environment("AWS_SECRET_ACCESS_KEY"));
        if (keyId is not null && secret is not null)
        {
            return new AwsCredentials(keyId, secret, Value(environment("AWS_SESSION_TOKEN")));
        }

        lookedAt.Add(keyId is null && secret is null
            ? "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (unset)"
            : $"AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (only {(keyId is null ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID")} is set)");
        return null;
    }

    private static AwsCredentials? FromProfile(IReadOnlyDictionary<string, string>? section, string where, List<string> lookedAt, ref string source)
    {
        if (section is not null
            && section.TryGetValue("aws_access_key_id", out string? keyId) && Value(keyId) is { } id
            && section.TryGetValue("aws_secret_access_key", out string? secret) && Value(secret) is { } key)
        {
            source = where;
            section.TryGetValue("aws_session_token", out string? token);
            return new AwsCredentials(id, key, Value(token));
        }

        lookedAt.Add(where + (section is null ? " (file or profile missing)" : " (no aws_access_key_id/aws_secret_access_key)"));
        return null;
    }

    private static IReadOnlyDictionary<string, string>? ReadSection(string? path, string section)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return IniFile.Parse(File.ReadAllText(path)).GetValueOrDefault(section);
    }

    private static string? Value(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
}
