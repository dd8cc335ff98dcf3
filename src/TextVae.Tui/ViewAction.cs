using Terminal.Gui.Input;

namespace TextVae.Tui;

/// <summary>A key, its label in the help line, and what it does.</summary>
public sealed record ViewAction(Key Key, string Title, Action Run);
