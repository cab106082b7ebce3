using System.Text.Json.Nodes;

namespace Onboarding.Bot.Slack.Rendering;

public sealed partial class BlockKitRenderer
{
    /// <summary>
    /// Packs lines and list items into rich text blocks of at most <see cref="SlackLimits.RichTextBlockText"/> characters:
    /// lines of one paragraph share a section (broken by newlines), list items share a list.
    /// </summary>
    private sealed class RichBlocks
    {
        private readonly List<JsonObject> _blocks = [];
        private readonly List<JsonObject> _elements = [];
        private List<JsonObject>? _section;
        private (int Indent, List<JsonObject> Items)? _list;
        private int _length;

        public void Line(List<JsonObject> runs, int length, bool paragraph = false)
        {
            MakeRoom(length + 2);
            CloseList();
            if (_section is null)
            {
                _section = [];
            }
            else
            {
                _section.Add(BlockKit.Text(paragraph ? "\n\n" : "\n"));
            }

            _section.AddRange(runs);
            _length += length + 2;
        }

        public void Item(List<JsonObject> runs, int length, int indent)
        {
            MakeRoom(length);
            CloseSection();
            if (_list is not { } open || open.Indent != indent)
            {
                CloseList();
                _list = (indent, []);
            }

            _list.Value.Items.Add(BlockKit.RichSection(runs));
            _length += length;
        }

        /// <summary>Everything added, as blocks.</summary>
        public List<JsonObject> Finish()
        {
            CloseBlock();
            return _blocks;
        }

        private void MakeRoom(int length)
        {
            if (_length > 0 && _length + length > SlackLimits.RichTextBlockText)
            {
                CloseBlock();
            }
        }

        private void CloseBlock()
        {
            CloseSection();
            CloseList();
            if (_elements.Count > 0)
            {
                _blocks.Add(BlockKit.RichText(_elements));
                _elements.Clear();
            }

            _length = 0;
        }

        private void CloseSection()
        {
            if (_section is { } section)
            {
                _elements.Add(BlockKit.RichSection(section));
                _section = null;
            }
        }

        private void CloseList()
        {
            if (_list is { } list)
            {
                _elements.Add(BlockKit.RichList(list.Items, list.Indent));
                _list = null;
            }
        }
    }
}
