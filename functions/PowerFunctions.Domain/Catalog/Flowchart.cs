namespace PowerFunctions.Domain.Catalog;

/// <summary>运行流程图: stages, the stage where every case starts; stages with no next stage are ends.</summary>
public sealed record Flowchart(string Start, IReadOnlyList<FlowStage> Stages)
{
    public static Flowchart Empty { get; } = new(string.Empty, []);

    public FlowStage? Find(string id) => Stages.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>The stages with no next stage.</summary>
    public IEnumerable<FlowStage> Ends() => Stages.Where(s => s.Next.Count == 0);

    /// <summary>The ids reachable from <see cref="Start"/> along the arrows (the start included when it exists).</summary>
    public IReadOnlySet<string> Reachable()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (Find(Start) is not null)
        {
            queue.Enqueue(Start);
            seen.Add(Start);
        }

        while (queue.Count > 0)
        {
            var stage = Find(queue.Dequeue());
            foreach (var next in stage?.Next ?? [])
            {
                if (Find(next) is not null && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    /// <summary>Stages per level (breadth-first distance from the start), for drawing top to bottom; unreachable stages come last.</summary>
    public IReadOnlyList<IReadOnlyList<FlowStage>> Levels()
    {
        var level = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (Find(Start) is not null)
        {
            level[Start] = 0;
            queue.Enqueue(Start);
        }

        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var next in Find(id)?.Next ?? [])
            {
                if (Find(next) is not null && !level.ContainsKey(next))
                {
                    level[next] = level[id] + 1;
                    queue.Enqueue(next);
                }
            }
        }

        var last = level.Count == 0 ? 0 : level.Values.Max() + 1;
        return Stages
            .GroupBy(s => level.TryGetValue(s.Id, out var l) ? l : last)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<FlowStage>)g.ToList())
            .ToList();
    }
}
