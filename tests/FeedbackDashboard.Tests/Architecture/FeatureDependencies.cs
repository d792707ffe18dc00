using Mono.Cecil;

namespace FeedbackDashboard.Tests.Architecture;

/// <summary>
/// Which feature uses which, read from the compiled app: every type a feature's types name in their
/// signatures, fields, attributes and method bodies (lambdas and async state machines count for the
/// type that holds them). A feature is the namespace segment after FeedbackDashboard.Features (or
/// .Core); the pages are "Components".
/// </summary>
public static class FeatureDependencies
{
    private const string Root = "FeedbackDashboard.";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(params string[] assemblyPaths) =>
        Read(null, assemblyPaths);

    /// <summary>The same, telling <paramref name="because"/> each (from type, used type) behind an edge.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(Action<string, string>? because, params string[] assemblyPaths)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var path in assemblyPaths)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);
            foreach (var type in assembly.MainModule.GetTypes())
            {
                if (AreaOf(Outermost(type).Namespace) is not { } from)
                {
                    continue;
                }
                var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
                foreach (var used in Referenced(type))
                {
                    if (AreaOf(used.Namespace) is { } to && to != from)
                    {
                        uses.Add(to);
                        because?.Invoke(Outermost(type).FullName, used.FullName);
                    }
                }
            }
        }
        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value);
    }

    /// <summary>"Features.Review", "Core.Review", "Components"; null for what is outside the features (Data, Program, libraries).</summary>
    public static string? AreaOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = ns[Root.Length..].Split('.');
        return parts switch
        {
            ["Components", ..] => "Components",
            ["Contracts", ..] => "Contracts",
            ["Features"] => "Features",
            ["Features", var feature, ..] => "Features." + feature,
            ["Core", var feature, ..] => "Core." + feature,
            _ => null,
        };
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        IEnumerable<TypeReference> types =
        [
            .. type.BaseType is null ? [] : new[] { type.BaseType },
            .. type.Interfaces.Select(i => i.InterfaceType),
            .. type.Fields.Select(f => f.FieldType),
            .. type.Properties.Select(p => p.PropertyType),
            .. type.CustomAttributes.Select(a => a.AttributeType),
            .. type.Methods.SelectMany(MethodTypes),
        ];
        return types.SelectMany(Flatten).Select(Outermost);
    }

    private static IEnumerable<TypeReference> MethodTypes(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }
        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }
        if (!method.HasBody)
        {
            yield break;
        }
        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    yield return t;
                    break;
                case MemberReference m when m.DeclaringType is not null:
                    yield return m.DeclaringType;
                    if (m is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            yield return argument;
                        }
                    }
                    if (m is MethodReference mr)
                    {
                        yield return mr.ReturnType;
                        foreach (var p in mr.Parameters)
                        {
                            yield return p.ParameterType;
                        }
                    }
                    else if (m is FieldReference fr)
                    {
                        yield return fr.FieldType;
                    }
                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> Flatten(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments.SelectMany(Flatten))
                {
                    yield return argument;
                }
                break;
            case TypeSpecification specification:
                foreach (var inner in Flatten(specification.ElementType))
                {
                    yield return inner;
                }
                break;
            default:
                yield return type;
                break;
        }
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    /// <summary>The groups of areas that depend on each other in a circle (Tarjan's strongly connected components).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var uses) ? uses : new HashSet<string>())
            {
                if (!indices.ContainsKey(next))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], indices[next]);
                }
            }
            if (lowLinks[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return cycles;
    }
}
