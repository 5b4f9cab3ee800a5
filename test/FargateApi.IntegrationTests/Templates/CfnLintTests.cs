namespace FargateApi.IntegrationTests.Templates;

/// <summary>Every CloudFormation template we ship passes cfn-lint (installed with the machine image's Python).</summary>
public sealed class CfnLintTests
{
    public static TheoryData<string> Templates()
    {
        var root = PublishedBootstrap.RepositoryRoot();
        var templates = new TheoryData<string>();
        templates.Add("template.yaml");
        var examples = Path.Combine(root, "examples");
        if (Directory.Exists(examples))
        {
            foreach (var file in Directory.EnumerateFiles(examples, "*.yaml").Order(StringComparer.Ordinal))
            {
                templates.Add(Path.GetRelativePath(root, file));
            }
        }

        return templates;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_passes_cfn_lint(string template)
    {
        (int ExitCode, string Output) lint;
        try
        {
            lint = PublishedBootstrap.Run("cfn-lint", [template], PublishedBootstrap.RepositoryRoot(), TimeSpan.FromMinutes(3));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"cfn-lint could not be started ({e.Message}); install it: pip install cfn-lint==1.51.0");
            return;
        }

        Assert.True(lint.ExitCode == 0 && lint.Output.Trim().Length == 0, $"cfn-lint {template} exited {lint.ExitCode}:\n{lint.Output}");
    }
}
