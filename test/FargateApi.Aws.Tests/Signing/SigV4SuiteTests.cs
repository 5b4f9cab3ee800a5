using System.Globalization;
using FargateApi.Aws.Credentials;
using FargateApi.Aws.Signing;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Signing;

/// <summary>
/// Every vector of the official AWS SigV4 test suite (/work/shared/sigv4-test-suite, see its README for the
/// fixed inputs). One theory row per vector; when the suite is missing the single row fails and says where to put it.
/// </summary>
public sealed class SigV4SuiteTests
{
    internal const string SuiteVariable = "SIGV4_TEST_SUITE_DIR";
    internal const int ExpectedVectorCount = 31;

    internal static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    internal static readonly DateTimeOffset SuiteTime = DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture);

    private const string Missing = "(suite not found)";

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        string? suite = FindSuite(out _);
        if (suite is null)
        {
            data.Add(Missing);
            return data;
        }

        foreach (string dir in VectorDirectories(suite))
        {
            data.Add(Path.GetRelativePath(suite, dir).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_signs_exactly_like_the_official_suite(string vector)
    {
        SigV4Vector v = SigV4Vector.Load(Path.Combine(RequireSuite(), vector));

        var request = new SigV4Request(v.Method, v.Path, v.Query, v.Headers, SigV4.HashHex(v.Body));
        SigV4Signature signature = SigV4.Sign(request, SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(v.ExpectedCanonicalRequest, signature.CanonicalRequest);
        Assert.Equal(v.ExpectedStringToSign, signature.StringToSign);
        Assert.Equal(v.ExpectedAuthorization, signature.Authorization);
    }

    [Fact]
    public void Suite_has_all_31_vectors_including_nested_folders()
    {
        string suite = RequireSuite();

        string[] names = VectorDirectories(suite).Select(d => Path.GetRelativePath(suite, d).Replace('\\', '/')).ToArray();

        Assert.Equal(ExpectedVectorCount, names.Length);
        Assert.Equal(7, names.Count(n => n.StartsWith("normalize-path/", StringComparison.Ordinal)));
        Assert.Equal(2, names.Count(n => n.StartsWith("post-sts-token/", StringComparison.Ordinal)));
    }

    internal static string RequireSuite()
    {
        string? suite = FindSuite(out string lookedAt);
        Assert.True(
            suite is not null,
            $"SigV4 test suite not found. Looked at: {lookedAt}. Put the official suite (folders of .req/.creq/.sts/.authz) " +
            $"in ../shared/sigv4-test-suite next to the repository root, or set {SuiteVariable} to its folder.");
        return suite!;
    }

    private static string? FindSuite(out string lookedAt) => SharedReference.Find(SuiteVariable, "sigv4-test-suite", out lookedAt);

    /// <summary>A vector is a folder holding &lt;name&gt;.req, at any depth (normalize-path/*, post-sts-token/*).</summary>
    private static IEnumerable<string> VectorDirectories(string suite) =>
        Directory.EnumerateFiles(suite, "*.req", SearchOption.AllDirectories)
            .Where(f => Path.GetFileNameWithoutExtension(f) == Path.GetFileName(Path.GetDirectoryName(f)))
            .Select(f => Path.GetDirectoryName(f)!)
            .Order(StringComparer.Ordinal);
}
