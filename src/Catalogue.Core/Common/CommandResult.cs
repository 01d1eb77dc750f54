using FluentValidation.Results;

namespace Catalogue.Core.Common;

/// <summary>A problem with one input field (or the whole record when <see cref="Field"/> is empty).</summary>
public sealed record FieldError(string Field, string Message);

public enum FailureKind
{
    None,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The outcome of a command: a value, or the reasons it changed nothing.</summary>
public sealed class CommandResult<T>
{
    private CommandResult(T? value, FailureKind failure, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Failure = failure;
        Errors = errors;
    }

    public T? Value { get; }
    public FailureKind Failure { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Failure == FailureKind.None;

    public static CommandResult<T> Success(T value) => new(value, FailureKind.None, []);

    public static CommandResult<T> Invalid(IEnumerable<FieldError> errors) => new(default, FailureKind.Invalid, errors.ToList());

    public static CommandResult<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static CommandResult<T> Invalid(ValidationResult validation) =>
        Invalid(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));

    public static CommandResult<T> NotFound(string message) => new(default, FailureKind.NotFound, [new FieldError(string.Empty, message)]);

    public static CommandResult<T> Conflict(string message) => new(default, FailureKind.Conflict, [new FieldError(string.Empty, message)]);
}
