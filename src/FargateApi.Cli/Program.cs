using FargateApi.Cli.Commands;

namespace FargateApi.Cli;

/// <summary><c>fargate-api</c>: the provider's core on the command line, without an AWS account.</summary>
internal static class Program
{
    private const string Usage = """
        fargate-api: offline tools for Custom::FargateApi resources

        usage:
          fargate-api validate FILE|DIR...   validate properties files (*.json) offline; exit 1 when any is invalid
          fargate-api simulate PROPS.json    Create, Update and Delete against an in-process simulation of AWS
          fargate-api --help                 this text

        A properties file holds the ResourceProperties object of one Custom::FargateApi resource, or a whole
        CloudFormation custom-resource event (its ResourceProperties are validated).
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        return args[0] switch
        {
            "validate" => await ValidateCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false),
            _ => UnknownVerb(args[0]),
        };
    }

    private static int UnknownVerb(string verb)
    {
        Console.Error.WriteLine($"fargate-api: unknown command '{verb}'. Run 'fargate-api --help'.");
        return ExitCodes.Usage;
    }
}
