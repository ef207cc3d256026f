using System.Globalization;
using System.Text.Json;

namespace Postmortem.Core.Templates;

/// <summary>
/// Parses a template JSON document (see config/templates/rust-compiler-2021.json). Strict on purpose: unknown
/// properties are typos, so they are reported rather than ignored.
/// </summary>
public static class TemplateParser
{
    private static readonly JsonDocumentOptions _documentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly string[] _templateProperties = ["$schema", "id", "name", "description", "source", "sections"];
    private static readonly string[] _sectionProperties = ["key", "title", "kind", "prompt", "guidance", "rules", "questions"];
    private static readonly string[] _questionProperties = ["key", "title", "prompt", "guidance", "figure", "promptWithFigure"];
    private static readonly string[] _ruleProperties = ["minParagraphs", "maxParagraphs", "minItems"];

    /// <exception cref="TemplateException">The JSON is malformed or does not describe a usable template.</exception>
    public static PostmortemTemplate Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, _documentOptions);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new TemplateException(sourceName, $"bad JSON at line {line}, column {column}.", ex);
        }

        using (document)
        {
            return new Reader(sourceName).Template(document.RootElement);
        }
    }

    private sealed class Reader(string sourceName)
    {
        public PostmortemTemplate Template(JsonElement root)
        {
            RequireObject(root, "the document");
            CheckProperties(root, _templateProperties, "the document");
            var id = RequiredString(root, "id", "the document");
            if (!IsKey(id))
            {
                throw Fail($"the template id \"{id}\" must use lower-case letters, digits, '-' or '.'.");
            }

            var name = OptionalString(root, "name", "the document") ?? id;
            if (!root.TryGetProperty("sections", out var sectionsElement) || sectionsElement.ValueKind != JsonValueKind.Array)
            {
                throw Fail("\"sections\" must be an array of sections.");
            }

            if (sectionsElement.GetArrayLength() == 0)
            {
                throw Fail("the template has no sections.");
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var sections = new List<TemplateSection>();
            var index = 0;
            foreach (var element in sectionsElement.EnumerateArray())
            {
                index++;
                var section = Section(element, index);
                if (!keys.Add(section.Key))
                {
                    throw Fail($"duplicate key \"{section.Key}\" (section {index}).");
                }

                foreach (var question in section.Questions)
                {
                    if (!keys.Add(question.Key))
                    {
                        throw Fail($"duplicate key \"{question.Key}\" (a question of section \"{section.Key}\").");
                    }
                }

                sections.Add(section);
            }

            return new PostmortemTemplate(id, name, sections);
        }

        private TemplateSection Section(JsonElement element, int index)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"section {index}");
            RequireObject(element, where);
            var key = RequiredString(element, "key", where);
            where = $"section {index} (\"{key}\")";
            if (!IsKey(key))
            {
                throw Fail($"{where}: the key must use lower-case letters, digits, '-' or '.'.");
            }

            CheckProperties(element, _sectionProperties, where);
            var kindText = RequiredString(element, "kind", where);
            if (!TryParseKind(kindText, out var kind))
            {
                throw Fail($"{where}: unknown kind \"{kindText}\"; expected one of text, metrics, questions, timeline, whys, actions.");
            }

            var questions = new List<TemplateQuestion>();
            if (element.TryGetProperty("questions", out var questionsElement))
            {
                if (questionsElement.ValueKind != JsonValueKind.Array)
                {
                    throw Fail($"{where}: \"questions\" must be an array.");
                }

                var questionIndex = 0;
                foreach (var question in questionsElement.EnumerateArray())
                {
                    questionIndex++;
                    questions.Add(Question(question, $"{where}, question {questionIndex}"));
                }
            }

            if (kind == SectionKind.Questions && questions.Count == 0)
            {
                throw Fail($"{where}: a \"questions\" section needs at least one question.");
            }

            if (kind != SectionKind.Questions && questions.Count > 0)
            {
                throw Fail($"{where}: only \"questions\" sections can have questions.");
            }

            return new TemplateSection(
                key,
                OptionalString(element, "title", where) ?? key,
                kind,
                RequiredString(element, "prompt", where),
                OptionalString(element, "guidance", where) ?? "",
                Rules(element, where),
                questions);
        }

        private TemplateQuestion Question(JsonElement element, string where)
        {
            RequireObject(element, where);
            var key = RequiredString(element, "key", where);
            where = $"{where} (\"{key}\")";
            if (!IsKey(key))
            {
                throw Fail($"{where}: the key must use lower-case letters, digits, '-' or '.'.");
            }

            CheckProperties(element, _questionProperties, where);
            TimelineFigure? figure = null;
            if (OptionalString(element, "figure", where) is { } figureText)
            {
                if (!Enum.TryParse<TimelineFigure>(figureText, ignoreCase: true, out var parsed) || int.TryParse(figureText, out _))
                {
                    throw Fail($"{where}: unknown figure \"{figureText}\"; expected timeToDetect, timeToMitigate or eventDuration.");
                }

                figure = parsed;
            }

            var withFigure = OptionalString(element, "promptWithFigure", where);
            if (figure is not null && withFigure is null)
            {
                throw Fail($"{where}: a question with a figure needs \"promptWithFigure\" (use {{duration}} and {{half}}).");
            }

            return new TemplateQuestion(
                key,
                OptionalString(element, "title", where) ?? key,
                RequiredString(element, "prompt", where),
                OptionalString(element, "guidance", where) ?? "",
                figure,
                withFigure);
        }

        private SectionRules Rules(JsonElement section, string where)
        {
            if (!section.TryGetProperty("rules", out var rules))
            {
                return SectionRules.None;
            }

            RequireObject(rules, $"{where}: \"rules\"");
            CheckProperties(rules, _ruleProperties, $"{where}: \"rules\"");
            var result = new SectionRules(
                OptionalCount(rules, "minParagraphs", where),
                OptionalCount(rules, "maxParagraphs", where),
                OptionalCount(rules, "minItems", where));
            if (result is { MinParagraphs: { } min, MaxParagraphs: { } max } && min > max)
            {
                throw Fail($"{where}: minParagraphs ({min}) is greater than maxParagraphs ({max}).");
            }

            return result;
        }

        private int? OptionalCount(JsonElement element, string name, string where)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 0)
            {
                throw Fail($"{where}: \"{name}\" must be a whole number, 0 or more.");
            }

            return count;
        }

        private string RequiredString(JsonElement element, string name, string where) =>
            OptionalString(element, name, where) ?? throw Fail($"{where}: missing \"{name}\".");

        private string? OptionalString(JsonElement element, string name, string where)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{where}: \"{name}\" must be a string.");
            }

            var text = value.GetString()!.Trim();
            return text.Length == 0 ? throw Fail($"{where}: \"{name}\" is empty.") : text;
        }

        private void RequireObject(JsonElement element, string where)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail($"{where} must be a JSON object.");
            }
        }

        private void CheckProperties(JsonElement element, string[] allowed, string where)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail($"{where}: unknown property \"{property.Name}\"; expected {string.Join(", ", allowed)}.");
                }
            }
        }

        private static bool TryParseKind(string text, out SectionKind kind) =>
            Enum.TryParse(text, ignoreCase: true, out kind) && !int.TryParse(text, out _) && Enum.IsDefined(kind);

        private static bool IsKey(string key) =>
            key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_');

        private TemplateException Fail(string problem) => new(sourceName, problem);
    }
}
