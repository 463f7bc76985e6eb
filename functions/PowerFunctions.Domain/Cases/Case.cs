using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The case aggregate, folded from its append-only events. Commands check the state machine, the
/// actor and the rules, and answer a draft event (or an error) without changing the case;
/// <see cref="Append"/> seals a draft into the chain and answers the next case.
/// </summary>
public sealed class Case
{
    private readonly List<CaseEvent> _events = [];
    private readonly List<Review> _reviews = [];
    private readonly List<SuspensionPeriod> _suspensions = [];
    private readonly List<Objection> _objections = [];
    private readonly List<DocumentRef> _documents = [];
    private readonly List<string> _inspections = [];

    private Case(string caseNo, IEnumerable<CaseEvent> events)
    {
        CaseNo = caseNo;
        foreach (var e in events)
        {
            Apply(e);
        }

        if (_events.Count == 0 || Terms is null)
        {
            throw new InvalidOperationException($"case {caseNo} has no submitted event");
        }
    }

    public string CaseNo { get; }

    public CaseState State { get; private set; }

    /// <summary>The sequence number of the last event; the concurrency version of the case.</summary>
    public long Version => _events.Count;

    public IReadOnlyList<CaseEvent> Events => _events;

    public ItemTerms Terms { get; private set; } = null!;

    public Applicant Applicant { get; private set; } = null!;

    public string ApplicantSubject { get; private set; } = string.Empty;

    public string QueryCode { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public IReadOnlyList<MaterialRef> Materials { get; private set; } = [];

    /// <summary>The date of the current receipt (the first, or the last supplement): the 5 wd acceptance clock starts here.</summary>
    public DateOnly ReceiptOn { get; private set; }

    /// <summary>1 for the first receipt, +1 per supplement.</summary>
    public int ReceiptNo { get; private set; }

    /// <summary>The receipt numbers that received a correction notice.</summary>
    public IReadOnlyList<MissingMaterial> LastCorrectionMissing { get; private set; } = [];

    public int? CorrectionNoticeForReceipt { get; private set; }

    /// <summary>When the correction notice of the current receipt was given.</summary>
    public DateOnly? CorrectionNoticeOn { get; private set; }

    /// <summary>When the acceptance (or deemed acceptance) was recorded: what resolves the 5 wd clock.</summary>
    public DateOnly? AcceptanceRecordedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public bool DeemedAccepted { get; private set; }

    public string? Acceptor { get; private set; }

    public DateOnly? RefusedOn { get; private set; }

    public IReadOnlyList<Review> Reviews => _reviews;

    public IReadOnlyList<string> SiteInspections => _inspections;

    public CaseEventData.ExpertsDrawn? ExpertDrawRecord { get; private set; }

    public bool ExpertReviewDone { get; private set; }

    public CaseEventData.CollectiveDecided? CollectiveDecisionRecord { get; private set; }

    public IReadOnlyList<SuspensionPeriod> Suspensions => _suspensions;

    public CaseEventData.Extended? Extension { get; private set; }

    public CaseEventData.Decided? Decision { get; private set; }

    public DateOnly? PublicityEndedOn { get; private set; }

    public IReadOnlyList<Objection> Objections => _objections;

    public DateOnly? DeliveredOn { get; private set; }

    public CaseEventData.Delivered? Delivery { get; private set; }

    public DateOnly? ResultPublishedOn { get; private set; }

    public bool ResultWithheld { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public IReadOnlyList<DocumentRef> Documents => _documents;

    public string LastHash => _events[^1].Hash;

    /// <summary>The state before the current suspension (where <c>resume</c> returns).</summary>
    private CaseState _beforeSuspension = CaseState.UnderReview;

    /// <summary>Folds stored events (in order) into a case.</summary>
    public static Case FromEvents(string caseNo, IEnumerable<CaseEvent> events) => new(caseNo, events);

    /// <summary>Validates an application and answers the first draft event (received).</summary>
    public static Result<CaseEventDraft> Submit(ItemTerms terms, Applicant applicant, string applicantSubject, IReadOnlyList<MaterialRef> materials, string? form, string queryCode, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(applicant.Name))
        {
            errors["applicant.name"] = ["申请人姓名不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.IdType))
        {
            errors["applicant.idType"] = ["证件类型不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.IdNumber))
        {
            errors["applicant.idNumber"] = ["证件号码不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.Phone))
        {
            errors["applicant.phone"] = ["联系电话不能为空"];
        }

        if (materials.Any(m => string.IsNullOrWhiteSpace(m.Code)))
        {
            errors["materials"] = ["每份材料须有编码"];
        }
        else
        {
            var missing = CaseRules.MissingRequired(terms, materials);
            if (missing.Count > 0)
            {
                errors["materials"] = missing.Select(m => $"缺少必需材料 {m.Code}（{m.Name}）").ToArray();
            }
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation("application.invalid", "申请内容不完整", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
        }

        return new CaseEventDraft(new CaseEventData.Submitted(terms, applicant, applicantSubject, materials, form, ChinaTime.DateOf(now), queryCode));
    }

    /// <summary>The first case of a chain from its submitted draft.</summary>
    public static Case Start(string caseNo, CaseEventDraft submitted, CaseActor actor, DateTimeOffset at) =>
        new(caseNo, [CaseChain.Seal(1, submitted, actor, at, CaseChain.Genesis)]);

    /// <summary>Seals <paramref name="draft"/> as the next event; answers the case after it.</summary>
    public Case Append(CaseEventDraft draft, CaseActor actor, DateTimeOffset at) =>
        new(CaseNo, [.. _events, CaseChain.Seal(Version + 1, draft, actor, at, LastHash)]);

    /// <summary>The API names of the commands the current state allows.</summary>
    public IReadOnlyList<string> AllowedCommands => CaseStateMachine.AllowedCommandsIn(State);

    /// <summary>
    /// One correction notice listing every missing or defective material, within 5 wd of the
    /// receipt; a second notice for the same receipt is refused. Source: 行政许可法 第三十二条
    /// </summary>
    public Result<CaseEventDraft> RequestCorrection(IReadOnlyList<MissingMaterial> missing, CaseContext context)
    {
        if (Check(CaseAction.CorrectionNotice) is { } error)
        {
            return error;
        }

        if (CorrectionNoticeForReceipt == ReceiptNo)
        {
            return CaseErrors.Conflict("case.correction_already_notified", "同一次收件只能一次性告知补正", $"receipt {ReceiptNo} already had its correction notice");
        }

        var errors = new Dictionary<string, string[]>();
        if (missing.Count == 0)
        {
            errors["missing"] = ["须一次性列明全部缺少或不合格的材料"];
        }
        else if (missing.Any(m => string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Reason)))
        {
            errors["missing"] = ["每项须有材料编码和原因"];
        }
        else if (missing.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count() != missing.Count)
        {
            errors["missing"] = ["材料编码不能重复"];
        }

        if (errors.Count > 0)
        {
            return CaseErrors.Invalid(errors);
        }

        var due = CorrectionDue(context.Calendar);
        if (context.Today > due)
        {
            return CaseErrors.Conflict("case.correction_period_expired", "补正告知期限已过，依法视为受理", $"the 5 working days ended on {due:yyyy-MM-dd}; the application counts as accepted as of {ReceiptOn:yyyy-MM-dd}");
        }

        var lines = missing.Select(m => $"{m.Code}：{m.Reason}").ToList();
        return new CaseEventDraft(
            new CaseEventData.CorrectionRequested(ReceiptNo, missing),
            Document(CaseDocumentKind.CorrectionNotice, $"correction-notice-{ReceiptNo}", [new("收件日期", Date(ReceiptOn))], lines, "《中华人民共和国行政许可法》第三十二条"));
    }

    /// <summary>The applicant supplements every material the notice listed; acceptance restarts from today. Source: 行政许可法 第三十二条</summary>
    public Result<CaseEventDraft> Supplement(IReadOnlyList<MaterialRef> materials, CaseActor actor, CaseContext context)
    {
        if (Check(CaseAction.Supplement) is { } error)
        {
            return error;
        }

        if (!IsApplicant(actor))
        {
            return CaseErrors.NotApplicant();
        }

        var given = materials.Where(m => !string.IsNullOrWhiteSpace(m.Code)).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var stillMissing = LastCorrectionMissing.Where(m => !given.Contains(m.Code)).Select(m => $"缺少补正材料 {m.Code}").ToArray();
        if (materials.Count == 0 || stillMissing.Length > 0)
        {
            return CaseErrors.Invalid("materials", stillMissing.Length > 0 ? string.Join("；", stillMissing) : "须提交补正材料");
        }

        return new CaseEventDraft(new CaseEventData.Supplemented(materials, context.Today));
    }

    /// <summary>Acceptance, with a sealed dated notice. Source: 行政许可法 第三十二条</summary>
    public Result<CaseEventDraft> Accept(CaseContext context)
    {
        if (Check(CaseAction.Accept) is { } error)
        {
            return error;
        }

        return new CaseEventDraft(
            new CaseEventData.Accepted(context.Today),
            Document(CaseDocumentKind.AcceptanceNotice, "acceptance-notice", [new("受理日期", Date(context.Today))], [], "《中华人民共和国行政许可法》第三十二条第一款第（五）项"));
    }

    /// <summary>
    /// No notice and no acceptance within 5 wd of the receipt: accepted as of the receipt date.
    /// Source: 行政许可法 第三十二条
    /// </summary>
    public Result<CaseEventDraft> DeemAccepted(CaseContext context)
    {
        if (Check(CaseAction.DeemedAcceptance) is { } error)
        {
            return error;
        }

        var due = CorrectionDue(context.Calendar);
        if (context.Today <= due)
        {
            return CaseErrors.Conflict("case.correction_period_running", "受理审查期限尚未届满", $"the 5 working days run until {due:yyyy-MM-dd}");
        }

        return new CaseEventDraft(
            new CaseEventData.DeemedAccepted(ReceiptOn, due),
            Document(CaseDocumentKind.AcceptanceNotice, "acceptance-notice", [new("受理日期", Date(ReceiptOn))], [], "《中华人民共和国行政许可法》第三十二条第一款第（四）项"));
    }

    /// <summary>Refusal with a reason, in writing with the seal and date. Source: 行政许可法 第三十二条</summary>
    public Result<CaseEventDraft> Refuse(string? reason)
    {
        if (Check(CaseAction.Refuse) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.Invalid("reason", "不予受理须说明理由");
        }

        return new CaseEventDraft(
            new CaseEventData.Refused(reason.Trim()),
            Document(CaseDocumentKind.RefusalNotice, "refusal-notice", [], [reason.Trim()], "《中华人民共和国行政许可法》第三十二条"));
    }

    /// <summary>
    /// A review: formal items by one reviewer; substantive items by A角 and B角, different people,
    /// both different from the acceptor where the item separates acceptance from handling.
    /// Source: seed 000 §5(二)6
    /// </summary>
    public Result<CaseEventDraft> RecordReview(string? role, string? opinion, string? recommendation, CaseActor actor)
    {
        if (Check(CaseAction.Review) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        var required = CaseRules.ReviewRolesRequired(Terms);
        if (role is null || !required.Contains(role))
        {
            errors["role"] = [Terms.Substantive ? "实质审查的审查角色须为 A 或 B" : "形式审查由一名审查人员以 A 角完成"];
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            errors["opinion"] = ["须填写审查意见"];
        }

        if (recommendation is not ("approve" or "deny"))
        {
            errors["recommendation"] = ["建议须为 approve 或 deny"];
        }

        if (errors.Count > 0)
        {
            return CaseErrors.Invalid(errors);
        }

        if (_reviews.Any(r => r.Role == role))
        {
            return CaseErrors.Conflict("case.review_role_taken", "该审查角色已有审查意见", $"the {role} review is already recorded");
        }

        if (CaseRules.ReviewersMustDiffer && _reviews.Any(r => r.Reviewer == actor.Subject))
        {
            return CaseErrors.Forbidden("case.reviewers_must_differ", "A角与B角须由不同人员担任", $"{actor.Name} already reviewed this case");
        }

        if (CaseRules.ReviewerMayNotBeAcceptor(Terms) && Acceptor == actor.Subject)
        {
            return CaseErrors.Forbidden("case.acceptor_cannot_review", "本事项实行接办分离，受理人员不得审查", $"{actor.Name} accepted this case");
        }

        return new CaseEventDraft(new CaseEventData.Reviewed(role!, opinion!.Trim(), recommendation!));
    }

    /// <summary>A site inspection by two or more named staff with a signed report. Source: seed 000 §5(二)6</summary>
    public Result<CaseEventDraft> RecordSiteInspection(IReadOnlyList<string>? inspectors, string? report, string? signedBy)
    {
        if (Check(CaseAction.SiteInspection) is { } error)
        {
            return error;
        }

        var names = (inspectors ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var errors = new Dictionary<string, string[]>();
        if (names.Length < CaseRules.MinimumInspectors || names.Length != (inspectors?.Count ?? 0))
        {
            errors["inspectors"] = [$"现场核查须由 {CaseRules.MinimumInspectors} 名以上不同的工作人员进行"];
        }

        if (string.IsNullOrWhiteSpace(report))
        {
            errors["report"] = ["须提交核查报告"];
        }

        if (string.IsNullOrWhiteSpace(signedBy) || !names.Contains(signedBy.Trim()))
        {
            errors["signedBy"] = ["核查报告须由参加核查的人员签字"];
        }

        return errors.Count > 0 ? CaseErrors.Invalid(errors) : new CaseEventDraft(new CaseEventData.SiteInspected(names, report!.Trim(), signedBy!.Trim()));
    }

    /// <summary>
    /// Experts drawn at random (seeded, re-runnable) from a pool at least one third external; the
    /// decision clock is suspended for the expert review. Source: seed 000 §5(三)2; 行政许可法 第四十五条
    /// </summary>
    public Result<CaseEventDraft> DrawExperts(IReadOnlyList<ExpertCandidate>? pool, int count, long seed, CaseContext context)
    {
        if (Check(CaseAction.ExpertDraw) is { } error)
        {
            return error;
        }

        if (ExpertDrawRecord is not null)
        {
            return CaseErrors.Conflict("case.experts_already_drawn", "本案已抽取专家", "experts were drawn for this case already");
        }

        pool ??= [];
        var valid = ExpertDraw.Validate(pool, count);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }

        return new CaseEventDraft(new CaseEventData.ExpertsDrawn(pool, count, seed, ExpertDraw.Draw(pool, count, seed), context.Today));
    }

    /// <summary>A collective decision: attendees, each vote, dissenting opinions recorded. Source: seed 000 §5(二)6, (三)1</summary>
    public Result<CaseEventDraft> RecordCollectiveDecision(IReadOnlyList<string>? attendees, IReadOnlyList<CollectiveVote>? votes, IReadOnlyList<DissentingOpinion>? dissent)
    {
        if (Check(CaseAction.CollectiveDecision) is { } error)
        {
            return error;
        }

        if (CollectiveDecisionRecord is not null)
        {
            return CaseErrors.Conflict("case.collective_decision_recorded", "本案已作出集体讨论决定", "the collective decision is already recorded");
        }

        var people = (attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        votes ??= [];
        dissent ??= [];
        var errors = new Dictionary<string, string[]>();
        if (people.Length < CaseRules.MinimumCollectiveAttendees)
        {
            errors["attendees"] = [$"集体讨论须有 {CaseRules.MinimumCollectiveAttendees} 名以上参会人员"];
        }

        if (votes.Count == 0)
        {
            errors["votes"] = ["须记录表决情况"];
        }
        else if (votes.Any(v => !people.Contains(v.Name?.Trim() ?? string.Empty) || v.Vote is not ("approve" or "deny" or "abstain")))
        {
            errors["votes"] = ["每一票须来自参会人员，表决为 approve、deny 或 abstain"];
        }
        else if (votes.Select(v => v.Name.Trim()).Distinct(StringComparer.Ordinal).Count() != votes.Count)
        {
            errors["votes"] = ["每名参会人员只能表决一次"];
        }

        if (dissent.Any(d => !people.Contains(d.Name?.Trim() ?? string.Empty) || string.IsNullOrWhiteSpace(d.Opinion)))
        {
            errors["dissent"] = ["不同意见须注明参会人员及其意见"];
        }

        return errors.Count > 0 ? CaseErrors.Invalid(errors) : new CaseEventDraft(new CaseEventData.CollectiveDecided(people, votes, dissent));
    }

    /// <summary>Suspends the decision clock for an excluded procedure. Source: 行政许可法 第四十五条</summary>
    public Result<CaseEventDraft> Suspend(string? reason, string? note, CaseContext context)
    {
        if (Check(CaseAction.Suspend) is { } error)
        {
            return error;
        }

        if (reason is null || !CaseRules.SuspensionReasons.Contains(reason))
        {
            return CaseErrors.Invalid("reason", $"中止事由须为：{string.Join("、", CaseRules.SuspensionReasons)}（行政许可法第四十五条）");
        }

        return new CaseEventDraft(new CaseEventData.Suspended(reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), context.Today));
    }

    /// <summary>Restarts the decision clock. Source: 行政许可法 第四十五条</summary>
    public Result<CaseEventDraft> Resume(CaseContext context)
    {
        if (Check(CaseAction.Resume) is { } error)
        {
            return error;
        }

        return new CaseEventDraft(new CaseEventData.Resumed(context.Today));
    }

    /// <summary>The one extension, by a decider (the head's approval), with reasons. Source: 行政许可法 第四十二条 (rule in <see cref="Deadlines.ExtensionRules"/>)</summary>
    public Result<CaseEventDraft> Extend(int workingDays, string? reason, CaseActor actor)
    {
        if (Check(CaseAction.Extend) is { } error)
        {
            return error;
        }

        var existing = Extension is { } x ? new Deadlines.Extension(x.WorkingDays, x.ApprovedBy, x.Reason) : null;
        var extension = Deadlines.ExtensionRules.Validate(workingDays, actor.Name, reason, Terms.JointHandling, existing);
        return extension.IsSuccess
            ? new CaseEventDraft(new CaseEventData.Extended(extension.Value.WorkingDays, extension.Value.Reason, extension.Value.ApprovedBy))
            : extension.Error;
    }

    /// <summary>
    /// The decision, once every required step is on record. A denial states its reasons and the
    /// remedies (行政许可法 第三十八条); an approval of a publicised item is posted for 7 cd
    /// (seed 000 §5(二)7).
    /// </summary>
    public Result<CaseEventDraft> Decide(string? outcome, string? reasons, CaseContext context)
    {
        if (Check(CaseAction.Decide) is { } error)
        {
            return error;
        }

        if (outcome is not ("approve" or "deny"))
        {
            return CaseErrors.Invalid("outcome", "决定须为 approve 或 deny");
        }

        if (outcome == "deny" && string.IsNullOrWhiteSpace(reasons))
        {
            return CaseErrors.Invalid("reasons", "不予许可须说明理由（行政许可法第三十八条）");
        }

        var missingRoles = CaseRules.ReviewRolesRequired(Terms).Where(r => _reviews.All(x => x.Role != r)).ToArray();
        if (missingRoles.Length > 0)
        {
            return CaseErrors.Conflict("case.review_incomplete", "审查尚未完成，不能作出决定", $"missing review(s): {string.Join(", ", missingRoles)}");
        }

        if (CaseRules.ExpertReviewRequired(Terms) && !ExpertReviewDone)
        {
            return CaseErrors.Conflict("case.expert_review_required", "本事项须经专家评审后方可决定", "draw the experts and resume after their review first");
        }

        if (CaseRules.CollectiveDecisionRequired(Terms) && CollectiveDecisionRecord is null)
        {
            return CaseErrors.Conflict("case.collective_decision_required", "本事项须经集体讨论后方可决定", "record the collective decision first");
        }

        var approved = outcome == "approve";
        DateOnly? from = null;
        DateOnly? until = null;
        if (CaseRules.GoesToPublicity(Terms, approved))
        {
            from = context.Today;
            until = CaseDeadlines.PublicityEnd(context.Calendar, context.Today).Date;
        }

        var remedies = approved ? [] : CaseRules.DenialRemedies;
        var text = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        IReadOnlyList<string> paragraphs = text is null ? [] : [text];   // the reasons; the notice's template words the decision and the remedies
        return new CaseEventDraft(
            new CaseEventData.Decided(outcome, text, remedies, context.Today, from, until),
            Document(approved ? CaseDocumentKind.ApprovalDecision : CaseDocumentKind.DenialDecision, "decision", [new("决定日期", Date(context.Today))], paragraphs, approved ? "《中华人民共和国行政许可法》第三十八条第一款" : "《中华人民共和国行政许可法》第三十八条第二款"));
    }

    /// <summary>An objection during publicity, recorded and shown to the decider. Source: seed 000 §5(二)7</summary>
    public Result<CaseEventDraft> FileObjection(string? name, string? contact, string? content)
    {
        if (Check(CaseAction.Objection) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["须留姓名"];
        }

        if (string.IsNullOrWhiteSpace(contact))
        {
            errors["contact"] = ["须留联系方式"];
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            errors["content"] = ["须填写异议内容"];
        }
        else if (content.Length > 4000)
        {
            errors["content"] = ["异议内容不超过 4000 字"];
        }

        return errors.Count > 0 ? CaseErrors.Invalid(errors) : new CaseEventDraft(new CaseEventData.ObjectionFiled(name!.Trim(), contact!.Trim(), content!.Trim()));
    }

    /// <summary>The 7 cd of publicity are over: the case waits for delivery. Source: seed 000 §5(二)7</summary>
    public Result<CaseEventDraft> EndPublicity(CaseContext context)
    {
        if (Check(CaseAction.EndPublicity) is { } error)
        {
            return error;
        }

        var until = PublicUntil(context.Calendar);
        if (context.Today <= until)
        {
            return CaseErrors.Conflict("case.publicity_running", "公示期尚未届满", $"publicity runs until {until:yyyy-MM-dd}");
        }

        return new CaseEventDraft(new CaseEventData.PublicityEnded(until));
    }

    /// <summary>Delivery of the decision, with a receipt. Source: 行政许可法 第四十四条</summary>
    public Result<CaseEventDraft> Deliver(string? method, string? recipient, CaseContext context)
    {
        if (Check(CaseAction.Deliver) is { } error)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>();
        if (method is not ("electronic" or "post" or "in-person"))
        {
            errors["method"] = ["送达方式须为 electronic、post 或 in-person"];
        }

        if (string.IsNullOrWhiteSpace(recipient))
        {
            errors["recipient"] = ["须填写受送达人"];
        }

        if (errors.Count > 0)
        {
            return CaseErrors.Invalid(errors);
        }

        var methodText = method switch { "electronic" => "电子送达", "post" => "邮寄送达", _ => "直接送达" };
        return new CaseEventDraft(
            new CaseEventData.Delivered(method!, recipient!.Trim(), context.Today),
            Document(CaseDocumentKind.DeliveryReceipt, "delivery-receipt", [new("送达文书", $"{CaseNo} 号决定书"), new("送达方式", methodText), new("受送达人", recipient.Trim()), new("送达日期", Date(context.Today))], [], "《中华人民共和国行政许可法》第四十四条"));
    }

    /// <summary>The scheduled job publishes the result (withheld for confidential items). Source: seed 002 (监督检查办法 第十三条)</summary>
    public Result<CaseEventDraft> PublishResult(CaseContext context)
    {
        if (Check(CaseAction.PublishResult) is { } error)
        {
            return error;
        }

        return new CaseEventDraft(new CaseEventData.ResultPublished(context.Today, CaseRules.ResultWithheld(Terms)));
    }

    /// <summary>Withdrawal by the applicant, before the decision.</summary>
    public Result<CaseEventDraft> Withdraw(string? reason, CaseActor actor)
    {
        if (Check(CaseAction.Withdraw) is { } error)
        {
            return error;
        }

        if (!IsApplicant(actor))
        {
            return CaseErrors.NotApplicant();
        }

        return new CaseEventDraft(new CaseEventData.Withdrawn(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
    }

    /// <summary>Records that a deadline moved with the official schedule of <paramref name="year"/>.</summary>
    public CaseEventDraft RecordDeadlineMoved(string kind, DateOnly oldDue, DateOnly newDue, int year) =>
        new(new CaseEventData.DeadlineMoved(kind, oldDue, newDue, year));

    /// <summary>True when <paramref name="actor"/> is the citizen who submitted the application.</summary>
    public bool IsApplicant(CaseActor actor) => string.Equals(actor.Subject, ApplicantSubject, StringComparison.Ordinal);

    /// <summary>When the 5 wd to notify or accept end. Source: 行政许可法 第三十二条</summary>
    public DateOnly CorrectionDue(Calendar.IWorkingCalendar calendar) => CaseDeadlines.CorrectionNotice(calendar, ReceiptOn).Date;

    /// <summary>The last day of publicity (recomputed with the calendar in force).</summary>
    public DateOnly PublicUntil(Calendar.IWorkingCalendar calendar) =>
        Decision?.PublicFrom is { } from ? CaseDeadlines.PublicityEnd(calendar, from).Date : throw new InvalidOperationException("the case was not posted");

    private DomainError? Check(CaseAction action) =>
        CaseStateMachine.Allows(State, action) ? null : CaseErrors.InvalidTransition(State, action);

    private DocumentToIssue Document(CaseDocumentKind kind, string suffix, IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<string> paragraphs, string basis) =>
        new(kind, $"{CaseNo}-{suffix}", fields, paragraphs, basis);   // the case number, item and applicant are the notice template's

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    private void Apply(CaseEvent e)
    {
        var data = CaseChain.DataOf(e);
        _events.Add(e);
        if (data.Document is { } document && _documents.All(d => d.Id != document.Id))
        {
            _documents.Add(document);
        }

        switch (data)
        {
            case CaseEventData.Submitted s:
                Terms = s.Terms;
                Applicant = s.Applicant;
                ApplicantSubject = s.ApplicantSubject;
                Materials = s.Materials;
                QueryCode = s.QueryCode;
                ReceivedAt = e.Instant;
                ReceiptOn = s.ReceiptOn;
                ReceiptNo = 1;
                State = CaseState.Submitted;
                break;
            case CaseEventData.CorrectionRequested c:
                CorrectionNoticeForReceipt = c.ReceiptNo;
                CorrectionNoticeOn = ChinaTime.DateOf(e.Instant);
                LastCorrectionMissing = c.Missing;
                State = CaseState.CorrectionRequested;
                break;
            case CaseEventData.Supplemented s:
                Materials = [.. Materials.Where(m => s.Materials.All(n => n.Code != m.Code)), .. s.Materials];
                ReceiptOn = s.ReceiptOn;
                ReceiptNo++;
                CorrectionNoticeOn = null;
                State = CaseState.Submitted;
                break;
            case CaseEventData.Accepted a:
                AcceptedOn = a.AcceptedOn;
                AcceptanceRecordedOn = ChinaTime.DateOf(e.Instant);
                Acceptor = e.Actor;
                State = CaseState.Accepted;
                break;
            case CaseEventData.DeemedAccepted d:
                AcceptedOn = d.AcceptedOn;
                AcceptanceRecordedOn = ChinaTime.DateOf(e.Instant);
                DeemedAccepted = true;
                State = CaseState.Accepted;
                break;
            case CaseEventData.Refused:
                RefusedOn = ChinaTime.DateOf(e.Instant);
                State = CaseState.Refused;
                break;
            case CaseEventData.Reviewed r:
                _reviews.Add(new Review(r.ReviewRole, e.Actor, e.ActorName, r.Opinion, r.Recommendation, e.Instant));
                State = CaseState.UnderReview;
                break;
            case CaseEventData.SiteInspected s:
                _inspections.Add(s.Report);
                State = CaseState.UnderReview;
                break;
            case CaseEventData.ExpertsDrawn x:
                ExpertDrawRecord = x;
                _beforeSuspension = CaseState.UnderReview;
                _suspensions.Add(new SuspensionPeriod("expert-review", "专家评审", x.SuspendedFrom, null));
                State = CaseState.Suspended;
                break;
            case CaseEventData.CollectiveDecided c:
                CollectiveDecisionRecord = c;
                State = CaseState.UnderReview;
                break;
            case CaseEventData.Suspended s:
                _beforeSuspension = State;
                _suspensions.Add(new SuspensionPeriod(s.Reason, s.Note, s.From, null));
                State = CaseState.Suspended;
                break;
            case CaseEventData.Resumed r:
                var open = _suspensions[^1];
                _suspensions[^1] = open with { Until = r.On };
                if (open.Reason == "expert-review" && ExpertDrawRecord is not null)
                {
                    ExpertReviewDone = true;
                }

                State = _beforeSuspension;
                break;
            case CaseEventData.Extended x:
                Extension = x;
                break;
            case CaseEventData.Decided d:
                Decision = d;
                State = d.PublicFrom is null ? CaseState.Decided : CaseState.InPublicity;
                break;
            case CaseEventData.ObjectionFiled o:
                _objections.Add(new Objection(o.Name, o.Contact, o.Content, e.Instant));
                break;
            case CaseEventData.PublicityEnded p:
                PublicityEndedOn = p.EndedOn;
                State = CaseState.AwaitingDelivery;
                break;
            case CaseEventData.Delivered d:
                Delivery = d;
                DeliveredOn = d.DeliveredOn;
                State = CaseState.Delivered;
                break;
            case CaseEventData.ResultPublished p:
                ResultPublishedOn = p.PublishedOn;
                ResultWithheld = p.Withheld;
                State = CaseState.Closed;
                break;
            case CaseEventData.Withdrawn:
                WithdrawnOn = ChinaTime.DateOf(e.Instant);
                State = CaseState.Withdrawn;
                break;
            case CaseEventData.DeadlineMoved:
                break;
            default:
                throw new InvalidOperationException($"no fold for {e.Type}");
        }
    }
}
