using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalogue.Web.Infrastructure;

/// <summary>
/// Binds a choice from a list (an enum), refusing a value the list does not have with a message that names the field
/// and the choices ("Severity must be one of Minor, Moderate, Severe ('99' is not)."), where the framework said only
/// "The value '99' is invalid.".
/// </summary>
public sealed class EnumModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
            return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        var text = posted.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
                bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        // Names only: a number would be taken for whichever value it happens to be.
        if (!char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse(type, text, ignoreCase: true, out var value) && Enum.IsDefined(type, value!))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
            $"{FieldNames.Of(bindingContext.ModelMetadata)} must be one of {string.Join(", ", Enum.GetNames(type))} ('{Catalogue.Core.Common.Text.Shown(text, 40)}' is not).");
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType.IsEnum ? new EnumModelBinder() : null;
    }
}

/// <summary>A field's name for a message: its display name, or its property name in words ("ExaminedOn" → "Examined on").</summary>
public static class FieldNames
{
    public static string Of(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata) =>
        metadata.DisplayName ?? Words(metadata.PropertyName ?? metadata.Name ?? "value");

    public static string Words(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
