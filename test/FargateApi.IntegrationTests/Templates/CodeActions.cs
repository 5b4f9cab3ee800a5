using FargateApi.TestSupport.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>One AWS operation the provider's code can call, its IAM action (null: none needed), and where it is called.</summary>
internal sealed record CalledOperation(string Model, string Operation, string? Action, IReadOnlyList<string> CallSites);

/// <summary>
/// The AWS operations the provider can call, found from its call sites: the C# sources of src/FargateApi.Provisioning and
/// src/FargateApi.Lambda are compiled (with FargateApi.Aws and FargateApi.Model, from source) into Roslyn's semantic model;
/// every reference to a method of a typed client interface (<c>IEcsClient</c> …), directly or through a helper of
/// FargateApi.Aws (the paginators and lookups), is a call site. Each client method maps to its operation by the operation
/// name its HTTP implementation sends, which must be one of OperationCatalog's operations of that client's service; the
/// service's IAM prefix is its signing name in AwsServices (the Service Authorization Reference's service prefixes).
/// Nothing here is listed by hand: a new client method, a new call, or a new service is found as soon as it is written.
/// </summary>
internal sealed class CodeActions
{
    public const string CatalogPath = "src/FargateApi.Aws/Services/OperationCatalog.cs";
    private const string ServicesPath = "src/FargateApi.Aws/Services/AwsServices.cs";
    private static readonly string[] CallerProjects = ["src/FargateApi.Provisioning", "src/FargateApi.Lambda"];
    private static readonly string[] CompiledProjects = ["src/FargateApi.Aws", "src/FargateApi.Model", .. CallerProjects];
    private static readonly Lazy<CodeActions> Scanned = new(() => new CodeActions(RepositoryFiles.Root()));

    private readonly string _root;
    private readonly Dictionary<string, (string Model, string Prefix, HashSet<string> Operations)> _catalog = new(StringComparer.Ordinal);
    private readonly Dictionary<IMethodSymbol, string?> _operations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, (string Model, string Prefix)> _services = new(SymbolEqualityComparer.Default);
    private readonly List<string> _problems = [];

    private CodeActions(string root)
    {
        _root = root;
        var trees = CompiledProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.cs"))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ProviderSources", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        ReadCatalog(compilation, trees);
        MapClientMethods(compilation, trees);
        Calls = FindCalls(compilation, trees);
    }

    public static CodeActions Scan() => Scanned.Value;

    /// <summary>Every operation called, in catalog order of services then name.</summary>
    public IReadOnlyList<CalledOperation> Calls { get; }

    /// <summary>What kept the scan from being complete (an unmapped client method, a service missing from the catalog).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The catalog's operations: (model, operation) → IAM action (null: none needed).</summary>
    public string? ActionOf(string model, string operation)
    {
        var (_, prefix, _) = _catalog.Values.FirstOrDefault(entry => entry.Model == model);
        Assert.True(prefix is not null, $"OperationCatalog names the model '{model}', which AwsServices does not define.");
        return RequiredPermissions.ActionOf(prefix!, operation);
    }

    /// <summary>CSharp 14, as the SDK builds the projects (LangVersion latest).</summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The SDK's ImplicitUsings for a class library (Microsoft.NET.Sdk), which the projects enable.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>OperationCatalog's <c>Of("model", AwsServices.Field, "Operation", …)</c> groups, with AwsServices' signing names.</summary>
    private void ReadCatalog(CSharpCompilation compilation, List<SyntaxTree> trees)
    {
        var signingNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var servicesTree = trees.Single(tree => tree.FilePath.EndsWith(ServicesPath.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal));
        foreach (var field in servicesTree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            // new(EndpointEnvName, EndpointPrefix, SigningName, …): the IAM service prefix is the signing name.
            if (field.Initializer?.Value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 3 } arguments })
            {
                signingNames[field.Identifier.Text] = Literal(compilation, arguments[2].Expression) ?? string.Empty;
            }
        }

        var catalogTree = trees.Single(tree => tree.FilePath.EndsWith(CatalogPath.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal));
        foreach (var call in catalogTree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is IdentifierNameSyntax { Identifier.Text: "Of" }))
        {
            var arguments = call.ArgumentList.Arguments;
            var model = Literal(compilation, arguments[0].Expression)!;
            var field = ((MemberAccessExpressionSyntax)arguments[1].Expression).Name.Identifier.Text;
            _catalog[field] = (model, signingNames[field], [.. arguments.Skip(2).Select(argument => Literal(compilation, argument.Expression)!)]);
        }
    }

    /// <summary>Each method of each client interface → the operation its HTTP implementation sends.</summary>
    private void MapClientMethods(CSharpCompilation compilation, List<SyntaxTree> trees)
    {
        foreach (var tree in trees.Where(tree => InProject(tree, "src/FargateApi.Aws")))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not { } type || !type.AllInterfaces.Any(IsClientInterface))
                {
                    continue;
                }

                var fields = declaration.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                    .Where(access => access.Expression is IdentifierNameSyntax { Identifier.Text: "AwsServices" })
                    .Select(access => access.Name.Identifier.Text)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (fields.Count != 1 || !_catalog.TryGetValue(fields[0], out var service))
                {
                    _problems.Add($"{type.Name} names {(fields.Count == 0 ? "no" : string.Join(", ", fields))} AwsServices entry with a group in OperationCatalog.");
                    continue;
                }

                foreach (var member in type.AllInterfaces.Where(IsClientInterface).SelectMany(client => client.GetMembers().OfType<IMethodSymbol>()))
                {
                    var implementation = type.FindImplementationForInterfaceMember(member) as IMethodSymbol;
                    var literals = implementation?.DeclaringSyntaxReferences
                        .SelectMany(reference => reference.GetSyntax().DescendantNodes().OfType<LiteralExpressionSyntax>())
                        .Where(literal => literal.IsKind(SyntaxKind.StringLiteralExpression))
                        .Select(literal => literal.Token.ValueText)
                        .Where(service.Operations.Contains)
                        .Distinct(StringComparer.Ordinal)
                        .ToList() ?? [];
                    if (literals.Count != 1)
                    {
                        _problems.Add($"{type.Name}.{member.Name} sends {(literals.Count == 0 ? "no operation" : string.Join(" and ", literals))} of OperationCatalog's {service.Model} group.");
                        continue;
                    }

                    _operations[member.OriginalDefinition] = literals[0];
                    _services[member.OriginalDefinition] = (service.Model, service.Prefix);
                }
            }
        }
    }

    private List<CalledOperation> FindCalls(CSharpCompilation compilation, List<SyntaxTree> trees)
    {
        var awsTrees = trees.Where(tree => InProject(tree, "src/FargateApi.Aws")).ToHashSet();
        var sites = new Dictionary<IMethodSymbol, SortedSet<string>>(SymbolEqualityComparer.Default);
        var helpers = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);

        // Which client methods a helper of FargateApi.Aws reaches, through further helpers too.
        List<IMethodSymbol> Reached(IMethodSymbol helper)
        {
            if (helpers.TryGetValue(helper, out var known))
            {
                return known;
            }

            var reached = new List<IMethodSymbol>();
            helpers[helper] = reached;
            foreach (var reference in helper.DeclaringSyntaxReferences)
            {
                foreach (var (target, _) in References(compilation, reference.GetSyntax()))
                {
                    if (Classify(target) is { } client)
                    {
                        reached.Add(client);
                    }
                    else if (IsDeclaredIn(target, awsTrees))
                    {
                        reached.AddRange(Reached(target));
                    }
                }
            }

            return reached;
        }

        foreach (var tree in trees.Where(tree => CallerProjects.Any(project => InProject(tree, project))))
        {
            foreach (var (target, node) in References(compilation, tree.GetRoot()))
            {
                var site = $"{Path.GetRelativePath(_root, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/')}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                if (Classify(target) is { } client)
                {
                    Add(sites, client, site);
                }
                else if (IsDeclaredIn(target, awsTrees))
                {
                    foreach (var reached in Reached(target))
                    {
                        Add(sites, reached, $"{site} via {target.ContainingType.Name}.{target.Name}");
                    }
                }
            }
        }

        var calls = new List<CalledOperation>();
        foreach (var (method, called) in sites)
        {
            if (!_operations.TryGetValue(method, out var operation) || operation is null)
            {
                _problems.Add($"{method.ContainingType.Name}.{method.Name} is called ({called.First()}) but maps to no OperationCatalog operation.");
                continue;
            }

            var (model, prefix) = _services[method];
            calls.Add(new CalledOperation(model, operation, RequiredPermissions.ActionOf(prefix, operation), [.. called]));
        }

        return [.. calls
            .GroupBy(call => (call.Model, call.Operation))
            .Select(group => group.First() with { CallSites = [.. group.SelectMany(call => call.CallSites).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] })
            .OrderBy(call => call.Action ?? $"~{call.Model}:{call.Operation}", StringComparer.Ordinal)];
    }

    private static bool IsDeclaredIn(IMethodSymbol method, HashSet<SyntaxTree> trees) =>
        method.DeclaringSyntaxReferences.Any(reference => trees.Contains(reference.SyntaxTree));

    /// <summary>A client interface method, or the interface method a concrete client's method implements.</summary>
    private static IMethodSymbol? Classify(IMethodSymbol method)
    {
        if (IsClientInterface(method.ContainingType))
        {
            return method;
        }

        return method.ContainingType.AllInterfaces.Where(IsClientInterface)
            .SelectMany(client => client.GetMembers().OfType<IMethodSymbol>())
            .FirstOrDefault(member => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method));
    }

    /// <summary>Every method a node refers to, called or passed as a method group, as its original definition.</summary>
    private static IEnumerable<(IMethodSymbol Target, SyntaxNode Node)> References(CSharpCompilation compilation, SyntaxNode root)
    {
        var model = compilation.GetSemanticModel(root.SyntaxTree);
        foreach (var name in root.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            var info = model.GetSymbolInfo(name);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol method)
            {
                yield return ((method.ReducedFrom ?? method).OriginalDefinition, name);
            }
        }
    }

    /// <summary>An interface of FargateApi.Aws.Services named I…Client: the typed clients the provider calls AWS through.</summary>
    private static bool IsClientInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && type.Name.StartsWith('I') && type.Name.EndsWith("Client", StringComparison.Ordinal)
        && type.ContainingNamespace.ToDisplayString().StartsWith("FargateApi.Aws.Services", StringComparison.Ordinal);

    private static void Add(Dictionary<IMethodSymbol, SortedSet<string>> sites, IMethodSymbol method, string site)
    {
        if (!sites.TryGetValue(method, out var set))
        {
            sites[method] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(site);
    }

    private bool InProject(SyntaxTree tree, string project) =>
        tree.FilePath.StartsWith(Path.Combine(_root, project) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? Literal(CSharpCompilation compilation, ExpressionSyntax expression) =>
        compilation.GetSemanticModel(expression.SyntaxTree).GetConstantValue(expression) is { HasValue: true, Value: string text } ? text : null;
}
