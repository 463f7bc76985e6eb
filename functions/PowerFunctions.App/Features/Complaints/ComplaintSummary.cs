using System.Globalization;
using PowerFunctions.Domain.Complaints;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// The supervisors' count of tickets received in a period (<c>GET /api/supervision/complaints</c>): in total, per
/// owning department (by category too) and per power item named; for each, how many are received, open (not
/// closed), answered, closed, overdue today (an open clock past its due date), answered late, followed up
/// satisfied or dissatisfied. Counts only: no subject, no filer.
/// </summary>
public sealed class ComplaintSummary(DateOnly today)
{
    private readonly Counts _total = new();
    private readonly SortedDictionary<string, Counts> _departments = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (string? Department, Counts Counts)> _items = new(StringComparer.Ordinal);
    private int _undispatched;

    public void Add(ComplaintListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _total.Add(row, today);
        if (row.Department is { } department)
        {
            if (!_departments.TryGetValue(department, out var counts))
            {
                _departments[department] = counts = new Counts();
            }

            counts.Add(row, today);
        }
        else
        {
            _undispatched++;
        }

        if (row.ItemCode is { } item)
        {
            if (!_items.TryGetValue(item, out var entry))
            {
                _items[item] = entry = (row.Department, new Counts());
            }

            entry.Counts.Add(row, today);
        }
    }

    public object View(DateOnly from, DateOnly to, string? department, IReadOnlyDictionary<string, string> departmentNames, IReadOnlyDictionary<string, string> itemNames)
    {
        ArgumentNullException.ThrowIfNull(departmentNames);
        ArgumentNullException.ThrowIfNull(itemNames);
        return new
        {
            from = Date(from),
            to = Date(to),
            department,
            totals = _total.View(),
            undispatched = _undispatched,
            departments = _departments.Select(d => new
            {
                code = d.Key,
                name = departmentNames.GetValueOrDefault(d.Key, d.Key),
                counts = d.Value.View(),
                categories = d.Value.Categories,
            }),
            items = _items.Select(i => new
            {
                itemCode = i.Key,
                itemName = itemNames.GetValueOrDefault(i.Key),
                department = i.Value.Department,
                counts = i.Value.Counts.View(),
            }),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Counts
    {
        private int _received;
        private int _open;
        private int _answered;
        private int _closed;
        private int _overdue;
        private int _answeredLate;
        private int _satisfied;
        private int _dissatisfied;

        public SortedDictionary<string, int> Categories { get; } = new(StringComparer.Ordinal);

        public void Add(ComplaintListRow row, DateOnly today)
        {
            _received++;
            var closed = row.State == ComplaintNames.Of(ComplaintState.Closed);
            _closed += closed ? 1 : 0;
            _open += closed ? 0 : 1;
            _answered += row.Answered ? 1 : 0;
            _overdue += row.OverdueOn(today) ? 1 : 0;
            _answeredLate += row.AnswerLate ? 1 : 0;
            _satisfied += row.Satisfied == true ? 1 : 0;
            _dissatisfied += row.Satisfied == false ? 1 : 0;
            Categories[row.Category] = Categories.GetValueOrDefault(row.Category) + 1;
        }

        public object View() => new
        {
            received = _received,
            open = _open,
            answered = _answered,
            closed = _closed,
            overdue = _overdue,
            answeredLate = _answeredLate,
            satisfied = _satisfied,
            dissatisfied = _dissatisfied,
        };
    }
}
