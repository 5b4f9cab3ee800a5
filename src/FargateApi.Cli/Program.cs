using FargateApi.Cli.Commands;
using FargateApi.Cli.Invoke;

namespace FargateApi.Cli;

/// <summary><c>fargate-api</c>: the provider's core on the command line — validate, plan, simulate offline; invoke against AWS.</summary>
internal static class Program
{
    public const string Usage = """
        fargate-api: tools for Custom::FargateApi resources

        usage:
          fargate-api validate FILE|DIR...           validate templates (YAML/JSON) and properties files offline
          fargate-api plan --old FILE --new FILE     what an Update from one version to the other will do, offline
          fargate-api simulate PROPS.json            Create, Update and Delete against an in-process simulation of AWS
          fargate-api invoke EVENT.json              run a CloudFormation event against your AWS account (debugging)
          fargate-api VERB --help                    the options of one verb
          fargate-api --help                         this text

        A properties file holds the ResourceProperties object of one Custom::FargateApi resource, or a whole
        CloudFormation custom-resource event. Exit codes: 0 ok, 1 invalid (or failed), 2 usage error or unreadable file.
        """;

    public static async Task<int> Main(string[] args) =>
        await RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable).ConfigureAwait(false);

    /// <summary>The whole command line against the given streams and environment (tests run it in process).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? errors : output).WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "validate" => await ValidateCommand.RunAsync(rest, output, errors).ConfigureAwait(false),
            "plan" => await PlanCommand.RunAsync(rest, output, errors).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(rest, output, errors).ConfigureAwait(false),
            "invoke" => await InvokeCommand.RunAsync(rest, output, errors, new InvokeEnvironment(environment)).ConfigureAwait(false),
            _ => await UnknownVerbAsync(args[0], errors).ConfigureAwait(false),
        };
    }

    private static async Task<int> UnknownVerbAsync(string verb, TextWriter errors)
    {
        await errors.WriteLineAsync($"fargate-api: unknown command '{verb}'. Run 'fargate-api --help'.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
