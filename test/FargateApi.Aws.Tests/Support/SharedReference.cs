namespace FargateApi.Aws.Tests.Support;

/// <summary>
/// Finds the read-only reference material that lives next to the repository (never copied into it):
/// an environment variable wins, else <c>../shared/&lt;name&gt;</c> relative to the folder holding Provider.sln.
/// </summary>
internal static class SharedReference
{
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provider.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The folder, or null with <paramref name="lookedAt"/> saying where it was expected.</summary>
    public static string? Find(string environmentVariable, string sharedName, out string lookedAt)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            lookedAt = $"${environmentVariable}={fromEnvironment}";
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        string? root = FindRepositoryRoot();
        if (root is null)
        {
            lookedAt = $"${environmentVariable} (unset), and no Provider.sln above {AppContext.BaseDirectory}";
            return null;
        }

        string candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", sharedName));
        lookedAt = $"${environmentVariable} (unset), then {candidate}";
        return Directory.Exists(candidate) ? candidate : null;
    }
}
