namespace FargateApi.Cli.Tests;

/// <summary>
/// Issue 13, item 1: whatever file a user names, every verb ends with one line that says what is wrong with it and exit
/// code 2, or (validate on a directory) a proper result; never an unhandled exception with a stack trace.
/// </summary>
public sealed class NoCrashTests(NoCrashTests.BadInputs inputs) : IClassFixture<NoCrashTests.BadInputs>
{
    private TempFolder Folder => inputs.Folder;

    public static TheoryData<string, string> EveryVerbOnEveryBadInput()
    {
        var data = new TheoryData<string, string>();
        string[] verbs = ["validate X", "plan --old X --new GOOD", "plan --old GOOD --new X", "simulate X", "simulate GOOD --update X", "invoke X", "event create X", "event update GOOD --old X --physical-id id"];
        foreach (var verb in verbs)
        {
            foreach (var input in new[] { "missing", "directory", "empty", "binary", "huge" })
            {
                data.Add(verb, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVerbOnEveryBadInput))]
    public async Task Every_verb_ends_a_bad_input_with_one_line_and_exit_code_2(string verb, string input)
    {
        var path = Path.Combine(Folder.Path, input);
        var good = Path.Combine(Repository.Examples, "minimal.properties.json");
        var args = verb.Split(' ').Select(a => a == "X" ? path : a == "GOOD" ? good : a).ToArray();

        var run = await Cli.RunAsync(args);

        if (verb.StartsWith("validate", StringComparison.Ordinal) && input == "directory")
        {
            // A directory is what validate searches: a proper result, not an error.
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Equal("0 Custom::FargateApi resources in 0 files: 0 valid, 0 invalid", run.OutputLines.Single());
            return;
        }

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith(path + ": ", line, StringComparison.Ordinal);
        Assert.Contains(Expected(input), line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Errors + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_binary_and_huge_files_found_in_a_directory_are_skipped_with_a_note()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Folder.Path, "binary"), Path.Combine(folder.Path, "logo.json"));
        File.Copy(Path.Combine(Folder.Path, "huge"), Path.Combine(folder.Path, "fixtures.json"));
        var template = folder.Write("app.yaml", Templates.YamlWithIntrinsics);

        File.WriteAllBytes(Path.Combine(folder.Path, "empty.yaml"), []);

        var run = await Cli.RunAsync("validate", folder.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.EndsWith("empty.yaml: skipped: is empty", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.EndsWith("logo.json: skipped: is not a text file (a NUL byte at offset 2)", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.EndsWith("fixtures.json: skipped: is 10485760 bytes, larger than any template, event or properties file (CloudFormation takes templates of at most 1 MB)", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{template}: AppApi: valid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_string_that_is_not_valid_text_is_an_error_not_a_crash()
    {
        var file = Folder.Write("surrogate.json", """{ "Resources": { "Api": { "Type": "Custom::FargateApi", "Properties": { "ServiceName": "\ud800" } } } }""");

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{file}: holds a string or name that is not valid text (an escaped unpaired UTF-16 surrogate)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_event_string_that_is_not_valid_text_is_an_error_not_a_crash()
    {
        var file = Folder.Write("surrogate-event.json", """{ "RequestType": "\ud800", "RequestId": "r", "StackId": "s", "LogicalResourceId": "A", "ResourceType": "Custom::FargateApi" }""");

        var run = await Cli.RunAsync("invoke", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{file}: the event lacks RequestType", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_yaml_key_given_twice_is_an_error_not_a_crash()
    {
        var file = Folder.Write("twice.yaml", "Resources: {}\nResources: {}\n");

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{file}: not valid YAML at line 2, column 1: Duplicate key Resources", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_bug_that_throws_is_one_line_and_exit_code_3()
    {
        var run = await Cli.RunWithStdinAsync(() => throw new InvalidOperationException("boom"), "validate", "-");

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Equal("fargate-api: internal error (InvalidOperationException: boom); this is a bug, please report it with the command line", Assert.Single(run.ErrorLines));
    }

    private static string Expected(string input) => input switch
    {
        "missing" => "no such file",
        "directory" => "is a directory; give a file",
        "empty" => "is empty",
        "binary" => "is not a text file (a NUL byte at offset 2)",
        _ => "is 10485760 bytes, larger than any template, event or properties file",
    };

    /// <summary>The bad inputs, written once for all cases: a directory, an empty, a binary and a 10 MB file ("missing" is not written).</summary>
    public sealed class BadInputs : IDisposable
    {
        public BadInputs()
        {
            Directory.CreateDirectory(Path.Combine(Folder.Path, "directory"));
            File.WriteAllBytes(Path.Combine(Folder.Path, "empty"), []);
            File.WriteAllBytes(Path.Combine(Folder.Path, "binary"), [0x7F, 0x45, 0x00, 0x46, 0xFF, 0x01]);
            File.WriteAllBytes(Path.Combine(Folder.Path, "huge"), [.. Enumerable.Repeat((byte)'{', 10 * 1024 * 1024)]);
        }

        internal TempFolder Folder { get; } = new();

        public void Dispose() => Folder.Dispose();
    }
}
