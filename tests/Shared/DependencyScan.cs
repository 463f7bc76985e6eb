using System.Reflection;
using System.Reflection.Emit;

namespace PowerFunctions.Tests.Shared;

/// <summary>
/// Finds every place in a compiled assembly where code outside some namespaces refers to a type of a
/// target namespace: in signatures (base types, interfaces, fields, properties, parameters, return types,
/// generic arguments) and in method bodies (every type, field and method token of the IL). Used to hold
/// an architectural rule — e.g. nothing but the guidance register may depend on a guidance answer.
/// </summary>
internal static class DependencyScan
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// "Type.Member → Referenced" for every reference from a type whose namespace starts with none of
    /// <paramref name="allowedNamespaces"/> to a type in <paramref name="targetNamespace"/> (or below).
    /// </summary>
    public static IReadOnlyList<string> ReferencesTo(Assembly assembly, string targetNamespace, params string[] allowedNamespaces)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            if (In(type, targetNamespace) || allowedNamespaces.Any(a => In(type, a)))
            {
                continue;
            }

            void Check(string where, Type? referenced)
            {
                if (referenced is not null && Mentions(referenced, targetNamespace))
                {
                    found.Add($"{type.FullName}.{where} → {referenced.FullName ?? referenced.Name}");
                }
            }

            Check("(base)", type.BaseType);
            foreach (var i in type.GetInterfaces())
            {
                Check("(interface)", i);
            }

            foreach (var f in type.GetFields(All))
            {
                Check(f.Name, f.FieldType);
            }

            foreach (var p in type.GetProperties(All))
            {
                Check(p.Name, p.PropertyType);
            }

            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi)
                {
                    Check(m.Name, mi.ReturnType);
                }

                foreach (var p in m.GetParameters())
                {
                    Check($"{m.Name}({p.Name})", p.ParameterType);
                }

                foreach (var referenced in BodyReferences(m))
                {
                    Check($"{m.Name} (body)", referenced);
                }
            }
        }

        return found.Distinct().ToArray();
    }

    private static bool In(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private static bool Mentions(Type type, string ns)
    {
        if (type.IsGenericParameter)
        {
            return false;
        }

        if (type.HasElementType)
        {
            return Mentions(type.GetElementType()!, ns);
        }

        return In(type, ns) || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, ns)));
    }

    /// <summary>The types a method body refers to through its IL tokens (types, fields' and methods' declaring and signature types).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))];
                i += 2;
            }
            else
            {
                op = OpCodesByValue[il[i]];
                i += 1;
            }

            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    i += 4;
                    foreach (var t in TypesOf(member))
                    {
                        yield return t;
                    }

                    break;
                default: // InlineI, InlineBrTarget, InlineSig, InlineString, ShortInlineR
                    i += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo? member)
    {
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                if (m.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    foreach (var a in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                    {
                        yield return a;
                    }
                }

                foreach (var p in m.GetParameters())
                {
                    yield return p.ParameterType;
                }

                break;
        }
    }
}
