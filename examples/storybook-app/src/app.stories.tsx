import type { Meta, StoryObj } from '@storybook/react-vite';
import { App } from './app';

/** The whole app on the mock. No play function: pick any persona in the toolbar. */
const meta = { title: 'App', component: App, parameters: { layout: 'fullscreen' } } satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
