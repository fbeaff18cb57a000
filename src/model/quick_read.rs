/*!
The quick reader: a serde deserializer straight over the YAML parser's events, for the records a
clerk actually writes.

serde-saphyr reads and locates everything YAML allows (anchors, merge keys, tags, every number
spelling, several documents) and keeps a budget against hostile files; that generality costs as
much time again as the parsing itself (at 10,000 people: 1.0 s of events, 2.4 s in all, on one
core). Almost every record needs none of it: block maps and lists of plain or quoted text,
dates and small whole numbers. This reader takes exactly that subset, over the same parser with
the same options, and **declines** everything else: an anchor, an alias, a tag, a merge key, an
unknown key, a number it does not spell the one obvious way, a value of the wrong type, a parser
error. A declined text goes to serde-saphyr as before, which then reads it or reports where and
why it cannot. So the quick reader never decides what a text means where serde-saphyr could
decide otherwise: where it accepts, it gives the same value (the tests compare the two on every
record of the repository and on random ones), and it never produces a diagnostic.
*/

use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde_saphyr::granit_parser::{Event, Options, Parser, ScalarStyle, StrInput};
use std::borrow::Cow;
use std::fmt;

/// Reads `text` into `T`, or `None` where the text is not in the quick reader's subset (or is
/// broken): then serde-saphyr must read it, with the same `options` (their budget bounds this
/// reader too).
pub(crate) fn read<T: DeserializeOwned>(text: &str, options: &serde_saphyr::Options) -> Option<T> {
    let budget = options.budget.clone().unwrap_or_default();
    let mut reader = Reader::new(text, &budget);
    reader.document_start().ok()?;
    let value = T::deserialize(&mut reader).ok()?;
    reader.document_end().ok()?;
    Some(value)
}

/// The one error of this reader: "not mine, ask serde-saphyr". It carries no text because no one
/// ever reads it.
#[derive(Debug)]
pub(crate) struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("declined by the quick reader")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Declined
    }
}

type Result<T> = std::result::Result<T, Declined>;

/// A scalar as the parser hands it over, with what decides its meaning.
struct Scalar<'a> {
    text: Cow<'a, str>,
    plain: bool,
}

struct Reader<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<Event<'a>>,
    events: usize,
    nodes: usize,
    scalar_bytes: usize,
    depth: usize,
    /// serde-saphyr's limits: a text past any of them is declined, so that serde-saphyr reports
    /// the breach.
    max_events: usize,
    max_nodes: usize,
    max_scalar_bytes: usize,
    max_depth: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, budget: &serde_saphyr::Budget) -> Self {
        // The options serde-saphyr gives the parser (`Budget::parser_options`), so that the two
        // accept the same texts: a nesting limit no lower than the parser's own, no comments.
        let mut options = Options::default();
        options.block_nesting_limit = options.block_nesting_limit.max(budget.max_depth + 1);
        options.simple_key_max_lookahead = budget.simple_key_max_lookahead;
        options.flow_nesting_limit = budget.flow_nesting_limit;
        options.emit_comments = false;
        Reader {
            parser: Parser::new_from_str_with_options(text, options),
            peeked: None,
            events: 0,
            nodes: 0,
            scalar_bytes: 0,
            depth: 0,
            max_events: budget.max_events,
            max_nodes: budget.max_nodes,
            max_scalar_bytes: budget.max_total_scalar_bytes,
            max_depth: budget.max_depth,
        }
    }

    /// The next event of the subset: anything carrying an anchor or a tag, an alias, or a
    /// parser error is declined here, once for every caller.
    fn next(&mut self) -> Result<Event<'a>> {
        if let Some(event) = self.peeked.take() {
            return Ok(event);
        }
        let (event, _span) = self.parser.next().ok_or(Declined)?.map_err(|_| Declined)?;
        self.events += 1;
        if self.events > self.max_events {
            return Err(Declined);
        }
        match &event {
            Event::Scalar(text, _, anchor, tag) => {
                self.nodes += 1;
                self.scalar_bytes += text.len();
                if *anchor != 0 || tag.is_some() || self.scalar_bytes > self.max_scalar_bytes {
                    return Err(Declined);
                }
            }
            Event::SequenceStart(_, anchor, tag) | Event::MappingStart(_, anchor, tag) => {
                self.nodes += 1;
                if *anchor != 0 || tag.is_some() {
                    return Err(Declined);
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {}
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(..) => {}
            Event::DocumentEnd => {}
            _ => return Err(Declined),
        }
        if self.nodes > self.max_nodes {
            return Err(Declined);
        }
        Ok(event)
    }

    fn peek(&mut self) -> Result<&Event<'a>> {
        if self.peeked.is_none() {
            let event = self.next()?;
            self.peeked = Some(event);
        }
        self.peeked.as_ref().ok_or(Declined)
    }

    fn document_start(&mut self) -> Result<()> {
        match (self.next()?, self.next()?) {
            // A `%YAML` directive asks for a version's rules: serde-saphyr's business.
            (Event::StreamStart, Event::DocumentStart(_, None)) => Ok(()),
            _ => Err(Declined),
        }
    }

    /// One document and nothing after it.
    fn document_end(&mut self) -> Result<()> {
        match (self.next()?, self.next()?) {
            (Event::DocumentEnd, Event::StreamEnd) => Ok(()),
            _ => Err(Declined),
        }
    }

    fn scalar(&mut self) -> Result<Scalar<'a>> {
        match self.next()? {
            Event::Scalar(text, style, _, _) => Ok(Scalar {
                text,
                plain: style == ScalarStyle::Plain,
            }),
            _ => Err(Declined),
        }
    }

    /// A scalar asked for as text. A plain null (`~`, `null`, nothing) is not text to
    /// serde-saphyr: it fails there, so it is declined here.
    fn text(&mut self) -> Result<Cow<'a, str>> {
        let scalar = self.scalar()?;
        if scalar.plain && is_null(&scalar.text) {
            return Err(Declined);
        }
        Ok(scalar.text)
    }

    /// A whole number written as plain decimal digits, without a sign or a leading zero: the
    /// one spelling every YAML schema reads the same way.
    fn whole_number(&mut self) -> Result<u64> {
        let scalar = self.scalar()?;
        if !scalar.plain {
            return Err(Declined);
        }
        decimal(&scalar.text).ok_or(Declined)
    }

    /// A list or a block: the event that starts it (`is_start`), then its contents through
    /// `visit`, which must read them to their end (a visitor that stopped early would leave the
    /// rest unread), within the depth limit.
    fn collection<T>(
        &mut self,
        is_start: fn(&Event<'a>) -> bool,
        visit: impl FnOnce(&mut Contents<'_, 'a>) -> Result<T>,
    ) -> Result<T> {
        if !is_start(&self.next()?) {
            return Err(Declined);
        }
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Declined);
        }
        let mut contents = Contents {
            reader: &mut *self,
            ended: false,
        };
        let value = visit(&mut contents)?;
        if !contents.ended {
            return Err(Declined);
        }
        self.depth -= 1;
        Ok(value)
    }
}

/// The plain spellings of null that serde-saphyr knows (`scalar_is_nullish`); the parser writes
/// an omitted value as `~`.
fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// `text` as plain decimal digits without a leading zero, if it is one and fits.
fn decimal(text: &str) -> Option<u64> {
    let digits = text.as_bytes();
    if digits.is_empty()
        || digits.len() > 19
        || !digits.iter().all(u8::is_ascii_digit)
        || (digits.len() > 1 && digits[0] == b'0')
    {
        return None;
    }
    text.parse().ok()
}

/// Whether a plain scalar can only be text, whatever YAML schema reads it: it has a character
/// that no null, boolean or number spelling has (a letter outside `true`, `false`, `null`,
/// `.inf`, `.nan`, hex digits and radix marks; a slash, a space, any non-ASCII letter). Dates
/// (`16/11/2020`) and names pass; `1e5`, `0x1F`, `.inf`, `yes` and `true` do not.
fn is_text_in_every_schema(text: &str) -> bool {
    const NUMBER_OR_WORD: &[u8] = b"0123456789+-._:abcdefilnorstuxyABCDEFILNORSTUXY";
    text.bytes().any(|b| !NUMBER_OR_WORD.contains(&b))
}

fn visit_text<'de, V: Visitor<'de>>(text: Cow<'de, str>, visitor: V) -> Result<V::Value> {
    match text {
        Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
        Cow::Owned(s) => visitor.visit_string(s),
    }
}

macro_rules! whole_numbers {
    ($($method:ident => $visit:ident: $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = <$ty>::try_from(self.whole_number()?).map_err(|_| Declined)?;
            visitor.$visit(n)
        }
    )*};
}

macro_rules! declined {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(Declined)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Declined;

    /// A value whose type the record leaves open (dates: `2020` or `16/11/2020`): only a
    /// scalar whose reading cannot depend on the schema.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let scalar = self.scalar()?;
        if !scalar.plain {
            return visit_text(scalar.text, visitor);
        }
        if let Some(n) = decimal(&scalar.text) {
            return visitor.visit_u64(n);
        }
        if is_text_in_every_schema(&scalar.text) {
            return visit_text(scalar.text, visitor);
        }
        Err(Declined)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let scalar = self.scalar()?;
        match (scalar.plain, scalar.text.as_ref()) {
            (true, "true") => visitor.visit_bool(true),
            (true, "false") => visitor.visit_bool(false),
            _ => Err(Declined),
        }
    }

    whole_numbers! {
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
    }

    declined! {
        deserialize_f32, deserialize_f64, deserialize_char, deserialize_bytes,
        deserialize_byte_buf, deserialize_ignored_any,
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let text = self.text()?;
        visit_text(text, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if let Event::Scalar(text, ScalarStyle::Plain, _, _) = self.peek()?
            && is_null(text)
        {
            self.next()?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let scalar = self.scalar()?;
        if scalar.plain && is_null(&scalar.text) {
            return visitor.visit_unit();
        }
        Err(Declined)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        // serde-saphyr gives names of its own (`__yaml_rc_anchor`, ...) a meaning.
        if name.starts_with("__yaml") {
            return Err(Declined);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.collection(
            |e| matches!(e, Event::SequenceStart(..)),
            |items| visitor.visit_seq(items),
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    /// A map whose keys are data, not field names: serde-saphyr checks that no key is given
    /// twice, which a struct's own visitor does for fields. Not in the subset.
    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.collection(
            |e| matches!(e, Event::MappingStart(..)),
            |entries| visitor.visit_map(entries),
        )
    }

    /// An enum written as its variant's name (`loai: uy_tin`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let name = self.text()?;
        visitor.visit_enum(UnitVariant(name))
    }
}

/// The contents of a list (its items) or of a block (its entries), read up to the event that
/// ends them.
struct Contents<'r, 'de> {
    reader: &'r mut Reader<'de>,
    ended: bool,
}

impl<'de> de::SeqAccess<'de> for &mut Contents<'_, 'de> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if matches!(self.reader.peek()?, Event::SequenceEnd) {
            self.reader.next()?;
            self.ended = true;
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for &mut Contents<'_, 'de> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.reader.peek()? {
            Event::MappingEnd => {
                self.reader.next()?;
                self.ended = true;
                Ok(None)
            }
            // A key no field has (a merge key `<<` too) is skipped with `deserialize_ignored_any`,
            // which declines: serde-saphyr then names it.
            Event::Scalar(..) => seed.deserialize(&mut *self.reader).map(Some),
            // A list or a block as a key.
            _ => Err(Declined),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

/// An enum's variant given by name, without a value.
struct UnitVariant<'de>(Cow<'de, str>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'de> {
    type Error = Declined;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name: de::value::CowStrDeserializer<'de, Declined> =
            de::IntoDeserializer::into_deserializer(self.0.clone());
        let value = seed.deserialize(name)?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'de> {
    type Error = Declined;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(Declined)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(Declined)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }
}

#[cfg(test)]
mod tests;
