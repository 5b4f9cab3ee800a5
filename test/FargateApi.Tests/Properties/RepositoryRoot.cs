namespace FargateApi.Tests.Properties;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds Provider.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Provider.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Provider.sln not found above " + AppContext.BaseDirectory);
    }
}
