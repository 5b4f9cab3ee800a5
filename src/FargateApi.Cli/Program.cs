using System.Reflection;
using FargateApi.Cli.Commands;
using FargateApi.Cli.Invoke;
using FargateApi.Cli.Templates;

namespace FargateApi.Cli;

/// <summary><c>fargate-api</c>: the provider's core on the command line — validate, plan, simulate offline; invoke against AWS.</summary>
internal static class Program
{
    public const string Usage = """
        fargate-api: tools for Custom::FargateApi resources

        usage:
          fargate-api validate FILE|DIR...           validate templates (YAML/JSON) and properties files offline
          fargate-api plan --old FILE --new FILE     what an Update from one version to the other will do, offline
          fargate-api simulate FILE                  Create, Update and Delete against an in-process simulation of AWS
          fargate-api event create|update|delete FILE  write the CloudFormation event for a resource, for invoke
          fargate-api invoke EVENT.json              run a CloudFormation event against your AWS account (debugging)
          fargate-api VERB --help                    the options of one verb
          fargate-api --help                         this text
          fargate-api --version                      the version

        FILE is a CloudFormation template, the ResourceProperties object of one Custom::FargateApi resource, or a whole
        custom-resource event; '-' reads it from stdin. Exit codes: 0 ok, 1 invalid (or failed), 2 usage error or
        unreadable file, 3 an internal error (a bug: please report it).
        """;

    public static async Task<int> Main(string[] args) =>
        await RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, Console.OpenStandardInput).ConfigureAwait(false);

    /// <summary>The version the build stamped on the assembly (<c>0.1.0</c>, with the commit when the build knows it).</summary>
    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Program).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The whole command line against the given streams and environment, without stdin (tests run it in process).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment) =>
        RunAsync(args, output, errors, environment, () => Stream.Null);

    /// <summary>The whole command line; <paramref name="openStdin"/> is read when an input is '-'.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment, Func<Stream> openStdin)
    {
        try
        {
            return await DispatchAsync(args, output, errors, environment, new InputReader(openStdin)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last line of defence: whatever a bug throws ends as one line and exit code 3, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await errors.WriteLineAsync($"fargate-api: internal error ({e.GetType().Name}: {e.Message}); this is a bug, please report it with the command line").ConfigureAwait(false);
            return ExitCodes.Internal;
        }
    }

    private static async Task<int> DispatchAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment, InputReader reader)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? errors : output).WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        if (args[0] is "--version" or "version")
        {
            await output.WriteLineAsync($"fargate-api {Version}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "validate" => await ValidateCommand.RunAsync(rest, output, errors, reader).ConfigureAwait(false),
            "plan" => await PlanCommand.RunAsync(rest, output, errors, reader).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(rest, output, errors, reader).ConfigureAwait(false),
            "event" => await EventCommand.RunAsync(rest, output, errors, reader, environment).ConfigureAwait(false),
            "invoke" => await InvokeCommand.RunAsync(rest, output, errors, new InvokeEnvironment(environment), reader).ConfigureAwait(false),
            _ => await UnknownVerbAsync(args[0], errors).ConfigureAwait(false),
        };
    }

    private static async Task<int> UnknownVerbAsync(string verb, TextWriter errors)
    {
        await errors.WriteLineAsync($"fargate-api: unknown command '{verb}'. Run 'fargate-api --help'.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
