"""Reading a report: formats → lines with locations → paragraphs → outline → metadata."""
