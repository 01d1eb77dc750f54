namespace Catalogue.Core.Common;

/// <summary>An entity refused a change that breaks one of its rules; names the field and the rule.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string field, string message) : base(message) => Field = field;

    public DomainRuleException() : base("A catalogue rule was broken.") => Field = string.Empty;

    public DomainRuleException(string message) : base(message) => Field = string.Empty;

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) => Field = string.Empty;

    public string Field { get; }
}
