using FargateApi.Aws.Credentials;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Credentials;

public sealed class AwsSettingsResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("fargate-api-creds-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Func<string, string?> Env(params (string Name, string Value)[] values)
    {
        var all = values.Append(("HOME", _home)).ToArray();
        return name => all.Where(v => v.Item1 == name).Select(v => v.Item2).FirstOrDefault();
    }

    private void WriteAws(string file, string text)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(Path.Combine(_home, ".aws", file), text);
    }

    [Fact]
    public void Environment_credentials_and_region_are_used_as_lambda_provides_them()
    {
        AwsSettings settings = AwsSettingsResolver.Resolve(Env(
            ("AWS_ACCESS_KEY_ID", "ASIAENV"), ("AWS_SECRET_ACCESS_KEY", "secret"), ("AWS_SESSION_TOKEN", "token"), ("AWS_REGION", "eu-west-1")));

        Assert.Equal(new AwsCredentials("ASIAENV", "secret", "token"), settings.Credentials);
        Assert.Equal(("eu-west-1", "AWS_REGION"), (settings.Region, settings.RegionSource));
    }

    [Fact]
    public void Aws_region_beats_aws_default_region()
    {
        AwsSettings settings = AwsSettingsResolver.Resolve(Env(
            ("AWS_ACCESS_KEY_ID", "A"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_DEFAULT_REGION", "us-east-2"), ("AWS_REGION", "eu-north-1")));

        Assert.Equal("eu-north-1", settings.Region);
    }

    [Fact]
    public void Default_region_is_used_when_aws_region_is_unset()
    {
        AwsSettings settings = AwsSettingsResolver.Resolve(Env(("AWS_ACCESS_KEY_ID", "A"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_DEFAULT_REGION", "us-east-2")));

        Assert.Equal("us-east-2", settings.Region);
    }

    [Fact]
    public void Named_profile_comes_from_the_credentials_file_and_its_region_from_the_config_file()
    {
        WriteAws("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = d\n\n# dev account\n[dev]\naws_access_key_id = AKIDDEV\r\naws_secret_access_key = devsecret\naws_session_token = devtoken\n");
        WriteAws("config", "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-3\ns3 =\n  max_concurrent_requests = 2\n");

        AwsSettings settings = AwsSettingsResolver.Resolve(Env(("AWS_PROFILE", "dev")));

        Assert.Equal(new AwsCredentials("AKIDDEV", "devsecret", "devtoken"), settings.Credentials);
        Assert.Equal("eu-west-3", settings.Region);
        Assert.Contains("[dev]", settings.CredentialsSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_credentials_beat_the_files()
    {
        WriteAws("credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = f\n");
        WriteAws("config", "[default]\nregion = sa-east-1\n");

        AwsSettings settings = AwsSettingsResolver.Resolve(Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "e")));

        Assert.Equal("AKIDENV", settings.Credentials.AccessKeyId);
        Assert.Equal("sa-east-1", settings.Region);
    }

    [Fact]
    public void Credentials_in_the_config_file_profile_are_found_and_file_locations_can_be_overridden()
    {
        string config = Path.Combine(_home, "elsewhere.ini");
        File.WriteAllText(config, "[profile ci]\naws_access_key_id = AKIDCFG\naws_secret_access_key = c\nregion = ca-central-1\n");

        AwsSettings settings = AwsSettingsResolver.Resolve(Env(("AWS_CONFIG_FILE", config), ("AWS_PROFILE", "ci")));

        Assert.Equal(("AKIDCFG", "ca-central-1"), (settings.Credentials.AccessKeyId, settings.Region));
    }

    [Fact]
    public void Shared_credentials_file_variable_is_honoured()
    {
        string credentials = Path.Combine(_home, "creds");
        File.WriteAllText(credentials, "[default]\naws_access_key_id=AKIDVAR\naws_secret_access_key=v\n");

        AwsSettings settings = AwsSettingsResolver.Resolve(Env(("AWS_SHARED_CREDENTIALS_FILE", credentials), ("AWS_REGION", "eu-west-1")));

        Assert.Equal("AKIDVAR", settings.Credentials.AccessKeyId);
    }

    [Fact]
    public void Nothing_found_lists_every_place_looked_at()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsSettingsResolver.Resolve(Env(("AWS_PROFILE", "prod"))));

        Assert.Contains("No AWS credentials found", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".aws", "credentials"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_home, ".aws", "config"), error.Message, StringComparison.Ordinal);
        Assert.Contains("[prod]", error.Message, StringComparison.Ordinal);
        Assert.Contains("No AWS region found", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_DEFAULT_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_set_environment_keys_are_reported()
    {
        var error = Assert.Throws<AwsConfigurationException>(
            () => AwsSettingsResolver.Resolve(Env(("AWS_ACCESS_KEY_ID", "A"), ("AWS_REGION", "eu-west-1"))));

        Assert.Contains("only AWS_ACCESS_KEY_ID is set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_never_print_their_secret_or_token()
    {
        string text = new AwsCredentials("AKIDPRINT", "very-secret", "very-token").ToString();

        Assert.Contains("AKIDPRINT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-token", text, StringComparison.Ordinal);
    }
}
