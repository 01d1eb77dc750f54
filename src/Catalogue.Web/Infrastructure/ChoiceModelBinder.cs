using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Binds the fields that take one of a few values, yes/no and choices from a list (enums), refusing anything else with a
/// message that names the field and the choices ("Severity must be one of Minor, Moderate, Severe ('99' is not)."). The
/// framework said "The value '99' is invalid.", took a number for whichever choice it happened to be, and kept a refused
/// yes/no as the field's value, so a checkbox drawn again from "yes" threw: it is drawn again unticked instead.
/// </summary>
public sealed class ChoiceModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
            return Task.CompletedTask;
        // Recorded even when empty: a later rule's message on this field then stands beside it.
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        // A ticked checkbox posts "true" and then its hidden "false": the first value decides.
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
                bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        var field = FieldNames.Of(bindingContext.ModelMetadata);
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var yes))
                return Bound(bindingContext, yes);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(bool.FalseString));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{field} must be true or false.");
            return Task.CompletedTask;
        }

        // Names only: a number would be taken for whichever value it happens to be.
        if (!char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse(type, text, ignoreCase: true, out var choice) && Enum.IsDefined(type, choice!))
            return Bound(bindingContext, choice);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            $"{field} must be one of {string.Join(", ", Enum.GetNames(type))} ('{Catalogue.Core.Common.Text.Shown(text, 40)}' is not).");
        return Task.CompletedTask;
    }

    private static Task Bound(ModelBindingContext bindingContext, object? value)
    {
        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType is var type && (type == typeof(bool) || type.IsEnum) ? new ChoiceModelBinder() : null;
    }
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
