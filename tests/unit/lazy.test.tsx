import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { lazy } from '../../components/views/lazy';

const View = ({ label }: { label: string }) => <p class="view">{label}</p>;

async function settled(): Promise<void> {
  for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 0));
}

describe('lazy parts', () => {
  it('renders nothing until its chunk is in, then the part with its own styles; loads once for all instances', async () => {
    const load = vi.fn(async () => ({ view: View, css: '.view{color:red}' }));
    const Part = lazy<{ label: string }>(load);
    const root = document.createElement('div');
    render(
      <>
        <Part label="a" />
        <Part label="b" />
      </>,
      root,
    );
    expect(root.childNodes).toHaveLength(0);
    await settled();
    expect(root.querySelectorAll('style')).toHaveLength(2);
    expect([...root.querySelectorAll('.view')].map((e) => e.textContent)).toEqual(['a', 'b']);
    expect(load).toHaveBeenCalledOnce();
    render(<Part label="c" />, root);
    expect(root.querySelector('.view')?.textContent).toBe('c'); // already loaded: at once
  });

  it('a failed load renders nothing, warns, and a later mount tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi.fn().mockRejectedValueOnce(new Error('extension reloaded')).mockResolvedValue({ view: View });
    const Part = lazy<{ label: string }>(load);
    const root = document.createElement('div');
    render(<Part label="x" />, root);
    await settled();
    expect(root.childNodes).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
    render(null, root);
    render(<Part label="y" />, root);
    await settled();
    expect(root.querySelector('.view')?.textContent).toBe('y');
    expect(root.querySelector('style')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
