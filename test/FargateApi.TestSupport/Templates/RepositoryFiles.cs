namespace FargateApi.TestSupport.Templates;

/// <summary>Files of this repository, found from the test binaries (the root holds the Makefile beside Provider.sln).</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Makefile")) && File.Exists(Path.Combine(directory.FullName, "Provider.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Makefile beside Provider.sln) is not above the test binaries.");
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root(), relativePath));
}
