namespace FargateApi.Cli;

/// <summary>Exit codes CI scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input was read and found wrong (invalid properties).</summary>
    public const int Invalid = 1;

    /// <summary>The command line itself was wrong, or a file could not be read.</summary>
    public const int Usage = 2;

    /// <summary>A bug in fargate-api itself: reported in one line, never as a stack trace.</summary>
    public const int Internal = 3;
}
