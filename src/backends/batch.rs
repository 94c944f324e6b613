//! Ordered parallel work in batches: a backend that writes a site-wide file as the documents
//! come (the book, the site deck) makes a batch of documents in parallel while it writes out
//! the batch before, so no core waits for the writing and only two batches are held at once.

use rayon::prelude::*;

/// The items a batch holds: enough to keep every thread busy, few enough to hold two batches.
pub fn batch_size() -> usize {
    rayon::current_num_threads().max(1) * 16
}

/// Makes `make(item)` for every item, `batch` at a time in parallel, and hands the results to
/// `take` in the items' order; `take` runs while the next batch is being made. Stops at the
/// first error `take` returns.
pub fn ordered<T, R, E>(
    items: &[T],
    batch: usize,
    make: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E> + Send,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
    E: Send,
{
    let mut made: Vec<R> = Vec::new();
    for chunk in items.chunks(batch.max(1)) {
        let (next, taken) =
            rayon::join(|| chunk.par_iter().map(&make).collect::<Vec<R>>(), || made.drain(..).try_for_each(&mut take));
        taken?;
        made = next;
    }
    made.into_iter().try_for_each(take)
}

#[cfg(test)]
mod tests {
    use super::ordered;

    #[test]
    fn results_come_in_order_and_an_error_stops_the_taking() {
        let items: Vec<u32> = (0..1000).collect();
        let mut seen = Vec::new();
        ordered(
            &items,
            7,
            |n| n * 2,
            |r| -> Result<(), ()> {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        let mut count = 0;
        let stopped = ordered(
            &items,
            7,
            |n| *n,
            |r| {
                count += 1;
                if r == 20 {
                    Err(r)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(stopped, Err(20));
        assert_eq!(count, 21);
    }
}
