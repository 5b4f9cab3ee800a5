using FargateApi.Cli.Templates;

namespace FargateApi.Cli.Commands;

/// <summary>The files named on a command line: files as given, directories searched for templates and properties files.</summary>
internal static class InputPaths
{
    /// <remarks>Each file comes with whether it was found in a directory: then a file of another kind is skipped, not an error.</remarks>
    public static bool TryExpand(IEnumerable<string> arguments, out List<(string File, bool FromDirectory)> files, out string problem)
    {
        files = [];
        problem = string.Empty;
        foreach (var argument in arguments)
        {
            if (argument == InputReader.Stdin)
            {
                files.Add((argument, false));
            }
            else if (Directory.Exists(argument))
            {
                // A subfolder that cannot be read is passed over, not a crash (a repository's .git or a root-owned cache).
                files.AddRange(Directory.EnumerateFiles(argument, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(file => InputFile.Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal)
                    .Select(file => (file, true)));
            }
            else if (File.Exists(argument))
            {
                files.Add((argument, false));
            }
            else
            {
                problem = $"{argument}: no such file or directory";
                return false;
            }
        }

        return true;
    }
}
