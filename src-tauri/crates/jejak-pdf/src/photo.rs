//! Persona photos: the library keeps them as `data:image/jpeg;base64,…` URLs (the UI scales and
//! encodes them). Decoded here to RGB pixels for the PDF. Anything else is skipped, never fatal.

use base64::Engine;

/// Decoded RGB pixels, 3 bytes each, row by row.
#[derive(Debug, PartialEq)]
pub struct Photo {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

/// Photos are shown a few centimetres wide; a bigger one is a damaged or hostile file.
const MAX_SIDE: usize = 2048;

pub fn decode(data_url: &str) -> Option<Photo> {
    let (head, body) = data_url.split_once(";base64,")?;
    if !matches!(head, "data:image/jpeg" | "data:image/jpg") {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .ok()?;
    let mut decoder = jpeg_decoder::Decoder::new(bytes.as_slice());
    decoder.read_info().ok()?;
    let info = decoder.info()?;
    let (width, height) = (usize::from(info.width), usize::from(info.height));
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return None;
    }
    let pixels = decoder.decode().ok()?;
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        _ => return None,
    };
    (rgb.len() == width * height * 3).then_some(Photo { width, height, rgb })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An 8×8 grey JPEG.
    const TINY: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AJ//Z";

    #[test]
    fn jpeg_data_urls_decode_and_anything_else_is_skipped() {
        let p = decode(&format!("data:image/jpeg;base64,{TINY}")).unwrap();
        assert_eq!((p.width, p.height, p.rgb.len()), (8, 8, 8 * 8 * 3));
        assert!(decode("data:image/png;base64,iVBORw0KGgo=").is_none());
        assert!(decode("data:image/jpeg;base64,not base64!").is_none());
        assert!(decode("data:image/jpeg;base64,AAAA").is_none());
        assert!(decode("http://example.com/x.jpg").is_none());
    }
}
