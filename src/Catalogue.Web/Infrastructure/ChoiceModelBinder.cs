using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Binds the fields that take one of a few values, yes/no and choices from a list (enums), refusing anything else with a
/// message that names the field and the choices ("Severity must be one of Minor, Moderate, Severe ('99' is not)."). The
/// framework said "The value '99' is invalid.", took a number for whichever choice it happened to be, and kept a refused
/// yes/no as the field's value, so a checkbox drawn again from "yes" threw: it is drawn again unticked instead.
/// </summary>
public sealed class ChoiceModelBinder : PostedTextBinder
{
    protected override void Bind(ModelBindingContext bindingContext, string text)
    {
        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        var field = FieldNames.Of(bindingContext.ModelMetadata);
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var yes))
            {
                Bound(bindingContext, yes);
                return;
            }

            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(bool.FalseString));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{field} must be true or false.");
            return;
        }

        // Names only: a number would be taken for whichever value it happens to be.
        if (!char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse(type, text, ignoreCase: true, out var choice) && Enum.IsDefined(type, choice!))
        {
            Bound(bindingContext, choice);
            return;
        }

        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            $"{field} must be one of {string.Join(", ", Enum.GetNames(type))} ('{Catalogue.Core.Common.Text.Shown(text, 40)}' is not).");
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType is var type && (type == typeof(bool) || type.IsEnum) ? new ChoiceModelBinder() : null;
    }
}

/// <summary>
/// What the binders of single posted values share: the value is recorded as posted (even when empty, so a later rule's
/// message on the field stands beside it), an empty value binds to nothing, and the first value decides (a ticked
/// checkbox posts "true" and then its hidden "false"). <see cref="Bind"/> reads the rest or adds a message naming the field.
/// </summary>
public abstract class PostedTextBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
            return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
                bindingContext.Result = ModelBindingResult.Success(null);
        }
        else
        {
            Bind(bindingContext, text);
        }

        return Task.CompletedTask;
    }

    /// <summary>Binds a value that is not empty, or adds a message naming the field and the rule.</summary>
    protected abstract void Bind(ModelBindingContext bindingContext, string text);

    protected static void Bound(ModelBindingContext bindingContext, object? value) => bindingContext.Result = ModelBindingResult.Success(value);
}

/// <summary>A field's name for a message: its display name, or its property name in words ("ExaminedOn" → "Examined on").</summary>
public static class FieldNames
{
    public static string Of(ModelMetadata metadata) => metadata.DisplayName ?? Words(metadata.PropertyName ?? metadata.Name ?? "value");

    public static string Words(string name)
    {
        var words = Catalogue.Core.Common.Text.Words(name);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
