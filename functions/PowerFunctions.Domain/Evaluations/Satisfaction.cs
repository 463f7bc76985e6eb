namespace PowerFunctions.Domain.Evaluations;

/// <summary>
/// The five levels of a service rating (好差评). API codes in kebab case: <c>very-satisfied</c>,
/// <c>satisfied</c>, <c>basically-satisfied</c>, <c>dissatisfied</c>, <c>very-dissatisfied</c>.
/// Source: 国办发〔2019〕51号 (政务服务“好差评”制度: 非常满意、满意、基本满意、不满意、非常不满意).
/// </summary>
public enum Satisfaction
{
    /// <summary>非常满意</summary>
    VerySatisfied = 5,

    /// <summary>满意</summary>
    Satisfied = 4,

    /// <summary>基本满意</summary>
    BasicallySatisfied = 3,

    /// <summary>不满意</summary>
    Dissatisfied = 2,

    /// <summary>非常不满意</summary>
    VeryDissatisfied = 1,
}
