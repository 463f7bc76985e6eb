using System.Globalization;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The written acts of a penalty case: what each document says, with the facts its reader needs and
/// the articles it rests on. Ids are deterministic (<c>{caseNo}-{suffix}</c>) so a retried command
/// reuses the document it already issued.
/// </summary>
public static class PenaltyTexts
{
    private const string Law = "《中华人民共和国行政处罚法》";

    /// <summary>
    /// 行政处罚事先告知书: the facts, the evidence, the basis, the proposed penalty and the tier applied,
    /// and the rights (statement and defence; a hearing within 5 working days where it applies).
    /// Source: 行政处罚法 第四十四条, 第四十五条, 第六十三条, 第六十四条; 国办发〔2022〕27号.
    /// </summary>
    public static PenaltyDocument Notice(PenaltyCase c, PenaltyEventData.Notified n)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(n);
        var paragraphs = new List<string>
        {
            $"经查，{c.Facts}",
            $"以上事实有下列证据证明：{string.Join("；", c.Investigations.Select(i => i.Evidence))}。",
            $"你（单位）的上述行为违反了{Bases(c.Terms)}的规定，本机关认定违法情节为“{DiscretionBenchmarkRules.ChineseName(n.Circumstance)}”，{TierText(c.Terms.Discretion, n.Circumstance)}，拟作出如下行政处罚：{n.Proposed.ToChinese()}。",
        };
        if (n.Reasons is { } reasons)
        {
            paragraphs.Add("理由：" + reasons);
        }

        paragraphs.Add($"根据{Law}第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，陈述、申辩可以在{Date(n.ReplyUntil)}前提出；本机关不因你（单位）陈述、申辩而给予更重的处罚。");
        if (n.HearingAvailable)
        {
            paragraphs.Add($"根据{Law}第六十三条、第六十四条的规定，你（单位）有权要求听证；要求听证的，应当在收到本告知书之日起五个工作日内（{Date(n.ReplyUntil)}前）提出，逾期视为放弃要求听证的权利。");
        }

        return new PenaltyDocument(
            PenaltyDocumentKind.PenaltyNotice,
            $"{c.CaseNo}-penalty-notice-{n.No}",
            [new("案件编号", c.CaseNo), new("当事人", c.Party.Name), new("案由", c.Terms.ItemName), new("告知日期", Date(n.NotifiedOn))],
            paragraphs,
            n.HearingAvailable ? $"{Law}第四十四条、第四十五条、第六十三条、第六十四条" : $"{Law}第四十四条、第四十五条");
    }

    /// <summary>听证通知书: date, place, presiding officer, public or not, and the party's rights at the hearing. Source: 行政处罚法 第六十四条.</summary>
    public static PenaltyDocument HearingNotice(PenaltyCase c, PenaltyEventData.HearingScheduled h)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(h);
        return new PenaltyDocument(
            PenaltyDocumentKind.HearingNotice,
            $"{c.CaseNo}-hearing-notice-{c.Version + 1}",
            [new("案件编号", c.CaseNo), new("当事人", c.Party.Name), new("听证日期", Date(h.Date)), new("听证地点", h.Place), new("听证主持人", h.PresidingName ?? "另行指定，并于听证前告知"), new("是否公开", h.Public ? "公开举行" : $"不公开举行（{h.ClosedReason}）")],
            [
                "请你（单位）按时参加听证。你（单位）可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。",
                "无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。",
            ],
            $"{Law}第六十四条");
    }

    /// <summary>听证笔录: the record, who signed, or the presiding officer's note of a refusal or an absence. Source: 行政处罚法 第六十四条(六)(八).</summary>
    public static PenaltyDocument HearingRecord(PenaltyCase c, PenaltyEventData.HearingHeld h)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(h);
        var signature = !h.PartyAppeared ? "当事人无正当理由未出席，视为放弃听证权利" : h.SignedByParty ? "当事人（代理人）已核对签字" : $"当事人拒绝签字：{h.RefusalNote}";
        return new PenaltyDocument(
            PenaltyDocumentKind.HearingRecord,
            $"{c.CaseNo}-hearing-record",
            [new("案件编号", c.CaseNo), new("听证日期", Date(h.HeldOn)), new("听证主持人", h.PresidingName ?? "见听证笔录"), new("签字情况", signature)],
            [h.Record],
            $"{Law}第六十四条");
    }

    /// <summary>集体讨论记录: attendees, votes, dissent, the decision adopted and any reason to depart from the tier. Source: 行政处罚法 第五十七条第二款; 国办发〔2022〕27号.</summary>
    public static PenaltyDocument CollectiveRecord(PenaltyCase c, PenaltyEventData.CollectivelyDecided m)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(m);
        var paragraphs = new List<string>
        {
            "表决情况：" + string.Join("；", m.Votes.Select(v => $"{v.Name} {VoteText(v.Vote)}{(v.Opinion is null ? string.Empty : "（" + v.Opinion + "）")}")),
        };
        paragraphs.AddRange(m.Dissent.Select(d => $"不同意见：{d.Name}：{d.Opinion}"));
        paragraphs.Add("讨论决定：" + (m.Outcome is { } outcome
            ? OutcomeText(outcome, m.Penalty, m.Circumstance, m.Ground)
            : "同意本案依照法律规定和裁量基准作出处理决定" + (c.LastNotice is { } n ? $"（已告知的拟处罚意见：{n.Proposed.ToChinese()}）" : string.Empty)));
        if (m.DepartureReason is { } reason)
        {
            paragraphs.Add($"调整适用裁量基准的理由：{reason}（{TierText(c.Terms.Discretion, m.Circumstance!.Value)}）");
        }

        return new PenaltyDocument(
            PenaltyDocumentKind.CollectiveDecisionRecord,
            $"{c.CaseNo}-collective-decision-{c.Version + 1}",
            [new("案件编号", c.CaseNo), new("讨论日期", Date(m.On)), new("参会人员", string.Join("、", m.Attendees))],
            paragraphs,
            $"{Law}第五十七条第二款；国办发〔2022〕27号");
    }

    /// <summary>
    /// 行政处罚决定书 (第五十九条): the party and address, the facts and evidence, the penalty and its basis
    /// with how the benchmark was applied (国办发〔2022〕27号), how and by when to pay (第六十七条) and what a
    /// late payment adds (第七十二条), the remedies, the department and the date. 不予行政处罚决定书 states
    /// the ground instead (第三十三条, 第五十七条).
    /// </summary>
    public static PenaltyDocument Decision(PenaltyCase c, PenaltyEventData.Decided d)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("案件编号", c.CaseNo),
            new("当事人", c.Party.Name),
            new(c.Party.IsOrganisation ? "统一社会信用代码" : "证件号码", c.Party.IdNumber),
            new("地址", c.Party.Address ?? "—"),
            new("案由", c.Terms.ItemName),
            new("决定日期", Date(d.DecidedOn)),
        };
        var paragraphs = new List<string>
        {
            $"经查，{c.Facts}",
            $"以上事实有下列证据证明：{string.Join("；", c.Investigations.Select(i => i.Evidence))}。",
        };
        if (d.Outcome == PenaltyOutcome.Penalty)
        {
            var penalty = d.Penalty!;
            paragraphs.Add($"你（单位）的上述行为违反了{Bases(c.Terms)}的规定。本机关认定违法情节为“{DiscretionBenchmarkRules.ChineseName(d.Circumstance!.Value)}”，{TierText(c.Terms.Discretion, d.Circumstance.Value)}。");
            if (d.DepartureReason is { } departure)
            {
                paragraphs.Add($"经本机关负责人集体讨论，调整适用裁量基准，理由：{departure}");
            }

            paragraphs.Add("理由：" + d.Reasons);
            paragraphs.Add($"决定给予如下行政处罚：{penalty.ToChinese()}。");
            if (PenaltyTypes.HasAmount(penalty.Type))
            {
                paragraphs.Add("请自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚没款。");
                if (penalty.Type == PenaltyType.Fine)
                {
                    paragraphs.Add("到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。");
                }
            }
        }
        else
        {
            paragraphs.Add("理由：" + d.Reasons);
            paragraphs.Add($"根据{GroundText(d.Ground!.Value)}，决定不予行政处罚。");
        }

        paragraphs.Add(string.Join("，", PenaltyRules.Remedies) + "。");
        paragraphs.Add($"作出决定的行政机关：{c.Terms.DepartmentName}");
        return new PenaltyDocument(
            d.Outcome == PenaltyOutcome.Penalty ? PenaltyDocumentKind.PenaltyDecision : PenaltyDocumentKind.NoPenaltyDecision,
            $"{c.CaseNo}-decision",
            fields,
            paragraphs,
            d.Outcome == PenaltyOutcome.Penalty ? $"{Law}第五十七条、第五十九条；{Bases(c.Terms)}" : $"{Law}第三十三条、第五十七条");
    }

    /// <summary>送达回证. Source: 行政处罚法 第六十一条.</summary>
    public static PenaltyDocument DeliveryReceipt(PenaltyCase c, PenaltyEventData.Delivered d)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        var method = d.Method switch { DeliveryMethod.InPerson => "直接送达", DeliveryMethod.Post => "邮寄送达", _ => "电子送达（当事人已签订确认书）" };
        return new PenaltyDocument(
            PenaltyDocumentKind.DeliveryReceipt,
            $"{c.CaseNo}-delivery-receipt",
            [new("案件编号", c.CaseNo), new("送达文书", $"{c.CaseNo}-decision 号决定书"), new("送达方式", method), new("受送达人", d.Recipient), new("送达日期", Date(d.DeliveredOn))],
            [$"{c.Terms.DepartmentName}于{Date(d.DeliveredOn)}将决定书送达受送达人。"],
            $"{Law}第六十一条");
    }

    /// <summary>The tier applied, in words, e.g. 适用裁量基准“…”档次（罚款 10000–50000 元）.</summary>
    public static string TierText(DiscretionBenchmark benchmark, Circumstance circumstance)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        if (benchmark.TierFor(circumstance) is not { } tier)
        {
            return "该情节无处罚档次";
        }

        var range = PenaltyTypes.HasAmount(tier.Type)
            ? $"{PenaltyTypes.ChineseName(tier.Type)} {Money(tier.Minimum)} 元至 {Money(tier.Maximum)} 元"
            : PenaltyTypes.ChineseName(tier.Type);
        return $"适用{benchmark.Source}“{tier.Conditions}”档次（{range}）";
    }

    private static string OutcomeText(PenaltyOutcome outcome, Penalty? penalty, Circumstance? circumstance, NoPenaltyGround? ground) =>
        outcome == PenaltyOutcome.Penalty
            ? $"认定情节“{DiscretionBenchmarkRules.ChineseName(circumstance!.Value)}”，给予{penalty!.ToChinese()}"
            : $"不予行政处罚（{GroundText(ground!.Value)}）";

    private static string GroundText(NoPenaltyGround ground) => ground switch
    {
        NoPenaltyGround.FirstOffence => $"{Law}第三十三条第一款，初次违法且危害后果轻微并及时改正",
        NoPenaltyGround.MinorCorrected => $"{Law}第三十三条第一款，违法行为轻微并及时改正，没有造成危害后果",
        NoPenaltyGround.NoFault => $"{Law}第三十三条第二款，当事人有证据足以证明没有主观过错",
        _ => $"{Law}第五十七条第一款第（三）项，违法事实不能成立",
    };

    private static string VoteText(Vote vote) => vote switch { Vote.Agree => "同意", Vote.Disagree => "不同意", _ => "弃权" };

    private static string Bases(PenaltyItemTerms terms) => string.Join("、", terms.LegalBases.Select(b => b.Law + b.Article));

    private static string Money(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
